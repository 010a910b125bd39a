package io.mspcs.platformtest;

/** Where a test or the launcher finds PostgreSQL, and how it gets a database per service. */
public interface PostgresEndpoint {

    String host();

    int port();

    /** Creates the database (and the service's roles) unless it exists. */
    void ensureDatabase(String database, String service);

    /** The schema owner: runs the migrations. */
    String user(String service);

    /** What the service connects as: DML only, under row-level security. */
    String appUser(String service);

    String password();

    default String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }
}
