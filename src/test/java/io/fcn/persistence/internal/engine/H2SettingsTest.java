package io.fcn.persistence.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.database.DatabaseUrl;
import io.fcn.persistence.internal.database.UrlDatabase;

/** The one list of H2 settings: what a user's URL must, should and may carry. */
class H2SettingsTest {

    private static final String INIT = "INIT=CREATE SCHEMA IF NOT EXISTS dbo\\;SET SCHEMA dbo";
    private static final String REQUIRED = ";MODE=MSSQLServer;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE;" + INIT;

    @Test
    void theRequiredSettingsAndTheDurabilitySettingAreDefinedOnce() {
        assertEquals(Map.of("MODE", "MSSQLServer", "DATABASE_TO_LOWER", "TRUE", "IGNORECASE", "TRUE", "INIT",
                "CREATE SCHEMA IF NOT EXISTS dbo\\;SET SCHEMA dbo"), H2Settings.REQUIRED);
        assertEquals(REQUIRED + ";WRITE_DELAY=0", H2Settings.URL_SUFFIX);
    }

    @Test
    void theReadmesOldUrlLacksTwoRequiredSettingsEachNamed() {
        H2Settings.Check check = H2Settings.check("jdbc:h2:file:./fcn;MODE=MSSQLServer;IGNORECASE=TRUE");
        assertEquals(2, check.errors().size(), check.errors().toString());
        assertTrue(check.errors().get(0).contains("DATABASE_TO_LOWER=TRUE"), check.errors().get(0));
        assertTrue(check.errors().get(1).contains("INIT=CREATE SCHEMA IF NOT EXISTS dbo"), check.errors().get(1));
        assertEquals(1, check.warnings().size());
    }

    @Test
    void aUrlWithoutOnlyTheDurabilitySettingIsAWarning() {
        H2Settings.Check check = H2Settings.check("jdbc:h2:file:./fcn" + REQUIRED + ";AUTO_SERVER=TRUE");
        assertEquals(List.of(), check.errors());
        assertEquals(1, check.warnings().size());
        assertTrue(check.warnings().get(0).contains("WRITE_DELAY=0"), check.warnings().get(0));
        assertEquals(List.of(), H2Settings.check("jdbc:h2:mem:x" + REQUIRED + ";write_delay=0").warnings());
        assertEquals(1, H2Settings.check("jdbc:h2:mem:x" + REQUIRED + ";WRITE_DELAY=500").warnings().size());
    }

    @Test
    void anotherValueOrASettingNotAllowedIsAnError() {
        assertTrue(H2Settings.check("jdbc:h2:mem:x" + REQUIRED.replace("IGNORECASE=TRUE", "IGNORECASE=FALSE")
                + ";WRITE_DELAY=0").errors().get(0).contains("IGNORECASE=TRUE"));
        String script = "jdbc:h2:mem:x;MODE=MSSQLServer;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE"
                + ";INIT=RUNSCRIPT FROM 'http://example.org/x.sql';WRITE_DELAY=0";
        assertTrue(H2Settings.check(script).errors().get(0).contains("INIT"), "another INIT can run code");
        List<String> errors = H2Settings.check("jdbc:h2:mem:x" + REQUIRED + ";WRITE_DELAY=0;FOO=1").errors();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("FOO") && errors.get(0).contains("not allow"), errors.get(0));
        assertEquals(List.of(), H2Settings.check("jdbc:h2:mem:x" + REQUIRED.toLowerCase()
                + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=x").errors(), "keys and values in any case");
    }

    @Test
    void theCommandLinesUrlDatabaseAppliesTheList() {
        UrlDatabase plain = UrlDatabase.open(DatabaseUrl.parse("jdbc:h2:mem:plain", null, null));
        assertEquals(List.of(), plain.warnings(), "a URL naming none of them gets them all");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlDatabase.open(
                DatabaseUrl.parse("jdbc:h2:mem:x;MODE=MSSQLServer;IGNORECASE=TRUE;PASSWORD=S3cret", null, null)));
        assertTrue(e.getMessage().contains("DATABASE_TO_LOWER=TRUE"), e.getMessage());
        assertFalse(e.getMessage().contains("S3cret"), e.getMessage());
        UrlDatabase warned = UrlDatabase.open(DatabaseUrl.parse("jdbc:h2:mem:w" + REQUIRED, null, null));
        assertEquals(1, warned.warnings().size());
        assertThrows(IllegalArgumentException.class,
                () -> UrlDatabase.open(DatabaseUrl.parse("jdbc:h2:mem:y;FOO=1", null, null)));
    }
}
