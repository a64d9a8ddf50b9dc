package io.fcn.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.fcn.persistence.testkit.FcnDatabaseTest;

/** The main's steps, on the kit's database (already migrated: start-up has nothing to apply). */
@FcnDatabaseTest
class ConsumerServiceAppTest {

    @Test
    void runsEveryStepAndPrintsIt(DataSource dataSource) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsumerServiceApp.run(dataSource, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(out.contains("migrations applied: 0; schema checked: no drift"), out);
        assertTrue(out.contains("POST /v1/trades -> 201 {\"trade_id\":\"TRD-DEMO-0001\""), out);
        assertTrue(out.contains("POST /v1/trades again -> 201 (replayed)"), out);
        assertTrue(out.contains("observations: 2 recorded, 0 already there"), out);
        assertTrue(out.contains("created") && out.contains("observation_posted"), out);
        assertTrue(out.contains("activity: 2 observations (2 coupon-eligible), 2 event(s)"), out);
    }
}
