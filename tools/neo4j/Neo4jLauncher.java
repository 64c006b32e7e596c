import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs an embedded Neo4j Community DBMS with only the Bolt connector, on loopback.
 *
 * Usage: java -cp 'lib/*' Neo4jLauncher.java HOME_DIR BOLT_PORT [PAGE_CACHE_MB]
 *
 * Prints "NEO4J_READY <port>" on stdout once Bolt accepts connections. Shuts the DBMS down
 * cleanly on SIGTERM/SIGINT and also when its standard input closes, so that a parent process
 * that dies without cleaning up never leaves an orphaned database holding the store lock.
 * Authentication is off: the connector listens on 127.0.0.1 only.
 */
public class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Neo4jLauncher HOME_DIR BOLT_PORT [PAGE_CACHE_MB]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 128;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Transaction logs: keep two files besides what recovery needs, and checkpoint every
                // minute, so a long load does not hold every log until the 15-minute checkpoint (a
                // 1M-relationship load left 15 GB of them with the defaults, 2.2 GB with the volume
                // interval alone, which the default periodic policy does not consult).
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(128))
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1))
                // Bolt's Netty waits 5 s + 5 s by default before it lets go on shutdown; a local
                // server that only we talk to (and whose driver we close first) need not wait.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .build();

        Thread stopper = new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J_STOPPED");
        });
        Runtime.getRuntime().addShutdownHook(stopper);

        // Touch the default database so that a broken store fails here, before we report ready.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("NEO4J_READY " + port);
        System.out.flush();

        waitForEndOfInput(System.in);
        System.exit(0);
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; we only wait for the pipe to close
            }
        } catch (IOException closed) {
            // a broken pipe means the parent is gone: shut down the same way
        }
    }
}
