package io.mspcs.platformtest;

/** Where a test or the launcher finds PostgreSQL, and how it gets a database per service. */
public interface PostgresEndpoint {

    String host();

    int port();

    /** Creates the database (and the service's roles) unless it exists. */
    void ensureDatabase(String database, String service);

    String user(String service);

    String password();

    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }
}
