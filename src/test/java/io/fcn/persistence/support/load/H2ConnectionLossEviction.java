package io.fcn.persistence.support.load;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP to evict a connection H2 reports broken or closed. Hikari evicts on SQLState class 08 (what
 * mssql-jdbc reports), but H2's client says 90067 (connection broken) and then 90121 / 90098 (closed): without
 * this, the dead connection goes back to the pool and fails every borrower until its maximum lifetime.
 * docs/retries.md shows services on H2 over TCP the same setting.
 */
public final class H2ConnectionLossEviction implements SQLExceptionOverride {

    private static final Set<Integer> DEAD = Set.of(90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (DEAD.contains(s.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
