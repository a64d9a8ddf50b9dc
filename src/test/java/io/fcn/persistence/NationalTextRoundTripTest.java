package io.fcn.persistence;

import static io.fcn.persistence.jooq.Tables.FCN_TEMPLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.Database;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.support.AllEngines;
import io.fcn.persistence.trade.TradeFixtures;

/**
 * Thai text and emoji survive every NVARCHAR column under the production connection settings: the engines' test
 * databases connect with {@code sendStringParametersAsUnicode=false} on SQL Server (ConnectionSettingsTest proves
 * it), where only national binding keeps them.
 */
@AllEngines
class NationalTextRoundTripTest {

    @Test
    void everyNvarcharColumnKeepsThaiAndEmoji(FcnPersistence fcn) {
        List<NationalColumnWrites.Write> writes = NationalColumnWrites.writeAndReadBack(fcn);

        for (NationalColumnWrites.Write write : writes) {
            assertEquals(write.written(), write.readBack(), write.column() + " written by " + write.path());
        }
        // Every NVARCHAR column of the schema is covered: a new one needs a write path here.
        assertEquals(NationalColumnWrites.nationalColumns(),
                new TreeSet<>(writes.stream().map(NationalColumnWrites.Write::column).toList()));
    }

    /** What the test guards against: the same text bound as a plain string loses its Thai on SQL Server. */
    @Test
    void thePlainStringBindingWouldLoseThaiOnSqlServer(FcnPersistence fcn, DSLContext dsl, Database database) {
        TradeFixtures.activeTemplate(fcn, "TPL-PLAIN");
        // The column as the code generator reads it without the forced type: VARCHAR, bound with setString.
        dsl.update(FCN_TEMPLATE)
                .set(DSL.field(DSL.name("name"), SQLDataType.VARCHAR), NationalColumnWrites.THAI)
                .where(FCN_TEMPLATE.TEMPLATE_ID.eq("TPL-PLAIN"))
                .execute();

        String stored = fcn.templates().get("TPL-PLAIN").name();
        if (database.family() == EngineFamily.SQL_SERVER) {
            assertNotEquals(NationalColumnWrites.THAI, stored);
            assertEquals("?", stored.substring(0, 1), "Thai letters arrive as question marks");
        } else {
            // H2 has no such setting: every string parameter is Unicode.
            assertEquals(NationalColumnWrites.THAI, stored);
        }
    }
}
