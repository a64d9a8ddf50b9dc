package io.fcn.persistence.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.fcn.persistence.internal.database.SqlServerDatabase;

/** The recommended URL, without a server: what the driver itself reads from it. */
class SqlServerSettingsTest {

    private static final String URL = "jdbc:sqlserver://db.example:1433;databaseName=fcn;encrypt=true";

    @Test
    void theRecommendationIsVarcharStringParameters() {
        assertEquals(Map.of("sendStringParametersAsUnicode", "false"), SqlServerSettings.recommended());
    }

    @Test
    void applyToAppendsTheRecommendedProperties() {
        assertEquals(URL + ";sendStringParametersAsUnicode=false", SqlServerSettings.applyTo(URL));
        assertEquals(URL + ";sendStringParametersAsUnicode=false", SqlServerSettings.applyTo(URL + ";"));
        assertEquals("jdbc:sqlserver://db.example;sendStringParametersAsUnicode=false",
                SqlServerSettings.applyTo("jdbc:sqlserver://db.example"));
    }

    @Test
    void applyToKeepsWhatTheUrlAlreadySaysAndNeverDuplicates() {
        String own = URL + ";SENDSTRINGPARAMETERSASUNICODE=true";
        assertEquals(own, SqlServerSettings.applyTo(own));
        String applied = SqlServerSettings.applyTo(URL);
        assertEquals(applied, SqlServerSettings.applyTo(applied));
    }

    @Test
    void bracedValuesKeepTheirSemicolons() {
        String braced = "jdbc:sqlserver://db;password={a;sendStringParametersAsUnicode=true;b}";
        assertEquals(braced + ";sendStringParametersAsUnicode=false", SqlServerSettings.applyTo(braced));
    }

    @Test
    void propertiesCanBeReplaced() {
        assertEquals(URL + ";sendStringParametersAsUnicode=true", SqlServerSettings.withProperties(
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
    }

    @Test
    void theEnginesDataSourcesUseTheRecommendedSettings() {
        SQLServerDataSource dataSource = SqlServerDatabase.dataSource(URL, "u", "p");
        assertTrue(dataSource.getURL().contains("sendStringParametersAsUnicode=false"), dataSource.getURL());
        assertFalse(dataSource.getUseBulkCopyForBatchInsert());
    }
}
