package io.fcn.persistence.internal.snapshot;

import java.util.List;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.UniqueKey;

import io.fcn.persistence.jooq.DefaultSchema;
import io.fcn.persistence.internal.catalog.TypeMapping;
import io.fcn.persistence.schema.model.CheckModel;
import io.fcn.persistence.schema.model.ColumnModel;
import io.fcn.persistence.schema.model.ForeignKeyModel;
import io.fcn.persistence.schema.model.IndexModel;
import io.fcn.persistence.schema.model.KeyModel;
import io.fcn.persistence.schema.model.Length;
import io.fcn.persistence.schema.model.SchemaModel;
import io.fcn.persistence.schema.model.TableModel;
import io.fcn.persistence.schema.model.TypeFamily;

/**
 * The schema the generated jOOQ classes describe. The code generator keeps tables, columns (type, length,
 * precision, scale, nullability, identity), keys, indexes and CHECK names, and loses the rest, which is therefore
 * unknown here: NVARCHAR/NCHAR (read as VARCHAR/CHAR; the forced types the build derives from the migrations
 * restore NVARCHAR on the library's columns, so VARCHAR still does not tell), defaults (SYSDATETIMEOFFSET() becomes
 * NULL), index filters, INCLUDE columns (folded into the key columns) and CHECK expressions (re-rendered by jOOQ).
 */
public final class GeneratedSchema {

    static final String SOURCE = "generated classes";

    private GeneratedSchema() {
    }

    public static SchemaModel read() {
        return new SchemaModel(SOURCE, DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .map(GeneratedSchema::table).toList());
    }

    /** The names of every index the generated classes declare. */
    public static List<String> indexNames() {
        return DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .flatMap(table -> table.getIndexes().stream())
                .map(Index::getName)
                .toList();
    }

    private static TableModel table(Table<?> table) {
        UniqueKey<?> pk = table.getPrimaryKey();
        return new TableModel(table.getName(),
                table.fieldStream().map(GeneratedSchema::column).toList(),
                pk == null ? null : key(pk),
                table.getUniqueKeys().stream().map(GeneratedSchema::key).toList(),
                table.getReferences().stream().map(GeneratedSchema::foreignKey).toList(),
                table.getIndexes().stream().map(GeneratedSchema::index).toList(),
                table.getChecks().stream().map(check -> new CheckModel(check.getName(), null)).toList(),
                null);
    }

    private static ColumnModel column(Field<?> field) {
        DataType<?> type = field.getDataType();
        DataType<?> sqlType = type.getSQLDataType() != null ? type.getSQLDataType() : type;
        String typeName = sqlType.getTypeName();
        TypeMapping.Mapped mapped = TypeMapping.fromJooq(typeName);
        // An undeclared length is MAX: that is how the generator reads NVARCHAR(MAX).
        Length length = type.lengthDefined() && type.length() > 0 ? Length.of(type.length()) : Length.MAX;
        Integer precision = type.precisionDefined() ? type.precision() : null;
        Integer scale = type.scaleDefined() ? type.scale() : null;
        if (mapped.family().size() == TypeFamily.Size.FRACTIONAL_SECONDS) {
            // jOOQ keeps fractional-second digits as the precision of temporal types.
            scale = precision;
        }
        return new ColumnModel(field.getName(),
                TypeMapping.columnType(mapped, typeName, length, precision, scale),
                type.nullable(), type.identity());
    }

    private static KeyModel key(UniqueKey<?> key) {
        return new KeyModel(key.getName(), names(key.getFields()));
    }

    private static ForeignKeyModel foreignKey(ForeignKey<?, ?> fk) {
        return new ForeignKeyModel(fk.getName(), names(fk.getFields()), fk.getKey().getTable().getName(),
                names(fk.getKeyFields()));
    }

    private static IndexModel index(Index index) {
        return new IndexModel(index.getName(), index.getFields().stream().map(SortField::getName).toList(),
                index.getUnique(), null, null);
    }

    private static List<String> names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }
}
