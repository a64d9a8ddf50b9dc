package io.fcn.persistence.internal.errors;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in another process by {@link LockedH2FileTest}: opens an H2 file database and holds it until stdin closes. */
public final class HoldH2File {

    private HoldH2File() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS held(id INT)");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Held until the test closes our stdin (or dies).
            }
        }
    }
}
