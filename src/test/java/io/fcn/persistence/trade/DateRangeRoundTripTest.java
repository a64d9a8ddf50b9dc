package io.fcn.persistence.trade;

import static io.fcn.persistence.jooq.Tables.FCN_TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import io.fcn.persistence.FcnPersistence;
import io.fcn.persistence.internal.engine.EngineFamily;
import io.fcn.persistence.support.AllEngines;

/** Every day SQL Server's DATE holds is stored and read back as given, before the Gregorian reform too. */
@AllEngines
class DateRangeRoundTripTest {

    @Test
    void datesAtTheEdgesOfTheRangeAndAroundTheGregorianReformRoundTrip(FcnPersistence fcn, DataSource dataSource) {
        TradeFixtures.activeTemplate(fcn, "TPL");
        List<LocalDate[]> pairs = new ArrayList<>(List.of(
                new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)},
                new LocalDate[] {LocalDate.of(1582, 10, 4), LocalDate.of(1582, 10, 15)},
                new LocalDate[] {LocalDate.of(1000, 2, 28), LocalDate.of(1000, 3, 1)}));
        // The ten days the Julian calendar skipped: exact on the embedded engine. Through mssql-jdbc on the T-SQL
        // engine (Babelfish 4.2) 1582-10-05 read back as 1582-10-15 (docs/input-limits.md): not asserted there.
        if (EngineFamily.of(dataSource) == EngineFamily.H2) {
            pairs.add(new LocalDate[] {LocalDate.of(1582, 10, 5), LocalDate.of(1582, 10, 14)});
        }
        int n = 0;
        for (LocalDate[] pair : pairs) {
            String id = "T-" + (++n);
            fcn.trades().book(TradeFixtures.trade(id, "TPL").tradeDate(pair[0]).maturityDate(pair[1]).build());
            Trade read = fcn.trades().get(id);
            assertEquals(pair[0], read.tradeDate(), id);
            assertEquals(pair[1], read.maturityDate(), id);
            // Stored as that day, as a DATE literal compares on the engine.
            assertEquals(1, DSL.using(dataSource, SQLDialect.DEFAULT).fetchCount(FCN_TRADE,
                    FCN_TRADE.TRADE_ID.eq(id).and(FCN_TRADE.TRADE_DATE.eq(pair[0]))), id);
        }
    }
}
