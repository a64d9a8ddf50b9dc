package io.fcn.persistence.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.fcn.persistence.internal.database.SqlServerDatabase;

/** The recommended URL, without a server: what the driver itself reads from it. */
class SqlServerSettingsTest {

    private static final String URL = "jdbc:sqlserver://db.example:1433;databaseName=fcn;encrypt=true";

    private static final String RECOMMENDED =
            ";sendStringParametersAsUnicode=false;disableStatementPooling=false;statementPoolingCacheSize=256";

    @Test
    void theRecommendationIsVarcharStringParametersAndPooledStatements() {
        assertEquals(Map.of("sendStringParametersAsUnicode", "false", "disableStatementPooling", "false",
                "statementPoolingCacheSize", "256"), SqlServerSettings.recommended());
        assertEquals(List.of("sendStringParametersAsUnicode", "disableStatementPooling", "statementPoolingCacheSize"),
                List.copyOf(SqlServerSettings.recommended().keySet()), "the order applyTo appends them in");
    }

    @Test
    void applyToAppendsTheRecommendedProperties() {
        assertEquals(URL + RECOMMENDED, SqlServerSettings.applyTo(URL));
        assertEquals(URL + RECOMMENDED, SqlServerSettings.applyTo(URL + ";"));
        assertEquals("jdbc:sqlserver://db.example" + RECOMMENDED,
                SqlServerSettings.applyTo("jdbc:sqlserver://db.example"));
    }

    @Test
    void aUrlThatSetsStatementPoolingKeepsItsOwnValue() {
        String own = URL + ";disableStatementPooling=true;statementPoolingCacheSize=10";
        assertEquals(own + ";sendStringParametersAsUnicode=false", SqlServerSettings.applyTo(own));
    }

    @Test
    void applyToKeepsWhatTheUrlAlreadySaysAndNeverDuplicates() {
        String own = URL + ";SENDSTRINGPARAMETERSASUNICODE=true";
        assertEquals(own + ";disableStatementPooling=false;statementPoolingCacheSize=256",
                SqlServerSettings.applyTo(own));
        String applied = SqlServerSettings.applyTo(URL);
        assertEquals(applied, SqlServerSettings.applyTo(applied));
    }

    @Test
    void bracedValuesKeepTheirSemicolons() {
        String braced = "jdbc:sqlserver://db;password={a;sendStringParametersAsUnicode=true;b}";
        assertEquals(braced + RECOMMENDED, SqlServerSettings.applyTo(braced));
    }

    @Test
    void propertiesCanBeReplaced() {
        assertEquals(URL + RECOMMENDED.replace("Unicode=false", "Unicode=true"), SqlServerSettings.withProperties(
                SqlServerSettings.applyTo(URL), Map.of("sendStringParametersAsUnicode", "true"), true));
    }

    @Test
    void onlySqlServerUrls() {
        assertThrows(IllegalArgumentException.class, () -> SqlServerSettings.applyTo("jdbc:h2:mem:x"));
    }

    @Test
    void theDriverReadsTheRecommendedValueFromTheUrl() throws SQLException {
        DriverPropertyInfo[] info = new SQLServerDriver().getPropertyInfo(SqlServerSettings.applyTo(URL),
                new Properties());
        DriverPropertyInfo unicode = Arrays.stream(info)
                .filter(p -> p.name.equalsIgnoreCase(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE))
                .findFirst().orElseThrow();
        assertEquals("false", unicode.value);

        DriverPropertyInfo defaults = Arrays.stream(new SQLServerDriver().getPropertyInfo(URL, new Properties()))
                .filter(p -> p.name.equalsIgnoreCase(SqlServerSettings.SEND_STRING_PARAMETERS_AS_UNICODE))
                .findFirst().orElseThrow();
        assertEquals("true", defaults.value, "the driver's default, which the recommendation changes");

        assertEquals("false", property(SqlServerSettings.applyTo(URL), "disableStatementPooling"));
        assertEquals("256", property(SqlServerSettings.applyTo(URL), "statementPoolingCacheSize"));
        assertEquals("true", property(URL, "disableStatementPooling"), "off by the driver's default");
    }

    private static String property(String url, String name) throws SQLException {
        return Arrays.stream(new SQLServerDriver().getPropertyInfo(url, new Properties()))
                .filter(p -> p.name.equalsIgnoreCase(name)).findFirst().orElseThrow().value;
    }

    @Test
    void theEnginesDataSourcesUseTheRecommendedSettings() {
        SQLServerDataSource dataSource = SqlServerDatabase.dataSource(URL, "u", "p");
        assertTrue(dataSource.getURL().endsWith(RECOMMENDED), dataSource.getURL());
        assertFalse(dataSource.getUseBulkCopyForBatchInsert());
    }
}
