package io.mspcs.cadence.repository;

import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One multi-row statement over typed arrays (cadence.md §3.2 sweep): each column of the gathered rows travels as ONE
 * array parameter of {@code unnest(...)}, so a batch of 500 rows costs one parse/bind/execute instead of 500
 * (an {@code executeBatch} still sends and executes every row). Inserts keep the rows' order ({@code with
 * ordinality ... order by}), so identity columns such as the outbox's {@code seq} follow the order of {@link #add}.
 * Updates are keyed by the first column: a later row for the same key replaces the earlier one, because an
 * {@code update ... from} that matches one target row twice applies an arbitrary one.
 * <p>
 * Columns are declared as {@code "name type"} with type one of uuid, text, int, bool, date, timestamptz, jsonb
 * (given as JSON text) and numeric (given as BigDecimal); fixed assignments may use {@code $now}, the one trailing
 * parameter passed to {@link #execute}.
 */
public final class UnnestWrite {

    private enum Type {
        UUID_("uuid[]", UUID.class, ""), TEXT("text[]", String.class, ""), INT("int4[]", Integer.class, ""),
        BOOL("bool[]", Boolean.class, ""), DATE("date[]", LocalDate.class, ""),
        TIMESTAMPTZ("timestamptz[]", OffsetDateTime.class, ""), JSONB("text[]", String.class, "::jsonb"),
        NUMERIC("text[]", String.class, "::numeric");

        final String arrayType;
        final Class<?> javaType;
        final String cast;

        Type(String arrayType, Class<?> javaType, String cast) {
            this.arrayType = arrayType;
            this.javaType = javaType;
            this.cast = cast;
        }

        static Type of(String name) {
            return name.equals("uuid") ? UUID_ : valueOf(name.toUpperCase());
        }
    }

    private final String sql;
    private final Type[] types;
    private final boolean keyed;
    private final Map<Object, Object[]> rows = new LinkedHashMap<>();
    private final List<Object[]> ordered = new ArrayList<>();

    private UnnestWrite(String sql, Type[] types, boolean keyed) {
        this.sql = sql;
        this.types = types;
        this.keyed = keyed;
    }

    /** {@code insert into table (columns, fixed columns) select ... from unnest(...)}, in the order rows were added. */
    public static UnnestWrite insert(String table, String columns, String fixedColumns, String fixedValues) {
        String[] names = names(columns);
        Type[] types = types(columns);
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            select.append(i == 0 ? "" : ", ").append("r.").append(names[i]).append(types[i].cast);
        }
        String fixed = fixedColumns.isEmpty() ? "" : ", " + fixedColumns;
        String values = fixedValues.isEmpty() ? "" : ", " + fixedValues.replace("$now", "$" + (names.length + 1));
        String sql = "insert into " + table + " (" + String.join(", ", names) + fixed + ") select "
                + select + values + " from unnest("
                + params(types) + ") with ordinality as r(" + String.join(", ", names) + ", ord) order by r.ord";
        return new UnnestWrite(sql, types, false);
    }

    /** {@code update table set columns = ... from unnest(...) where table.<first column> = row's first column}. */
    public static UnnestWrite update(String table, String columns, String fixedAssignments) {
        String[] names = names(columns);
        Type[] types = types(columns);
        StringBuilder set = new StringBuilder();
        for (int i = 1; i < names.length; i++) {
            set.append(i == 1 ? "" : ", ").append(names[i]).append(" = r.").append(names[i]).append(types[i].cast);
        }
        String sql = "update " + table + " as x set " + set + ", "
                + fixedAssignments.replace("$now", "$" + (names.length + 1)) + " from unnest(" + params(types)
                + ") as r(" + String.join(", ", names) + ") where x." + names[0] + " = r." + names[0];
        return new UnnestWrite(sql, types, true);
    }

    public String sql() {
        return sql;
    }

    /** Adds one row; Instants, enums and BigDecimals are converted to the column's wire type. */
    public UnnestWrite add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " values, got " + values.length);
        }
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = wire(values[i]);
        }
        if (keyed) {
            rows.put(row[0], row);
        } else {
            ordered.add(row);
        }
        return this;
    }

    public boolean isEmpty() {
        return keyed ? rows.isEmpty() : ordered.isEmpty();
    }

    public int size() {
        return keyed ? rows.size() : ordered.size();
    }

    /** Runs the statement (nothing when no row was added); {@code now} binds {@code $now}. */
    public Uni<Void> execute(SqlClient client, Instant now) {
        if (isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object[]> all = keyed ? new ArrayList<>(rows.values()) : ordered;
        Object[] params = new Object[types.length + 1];
        for (int c = 0; c < types.length; c++) {
            Object[] column = (Object[]) Array.newInstance(types[c].javaType, all.size());
            for (int r = 0; r < all.size(); r++) {
                column[r] = all.get(r)[c];
            }
            params[c] = column;
        }
        params[types.length] = wire(now);
        // A statement without $now must not receive the trailing parameter (the server counts them).
        Object[] bound = sql.contains("$" + (types.length + 1)) ? params : java.util.Arrays.copyOf(params, types.length);
        return client.preparedQuery(sql).execute(Tuple.from(bound)).replaceWithVoid();
    }

    private static Object wire(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value;
    }

    private static String params(Type[] types) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            params.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(types[i].arrayType);
        }
        return params.toString();
    }

    private static String[] names(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> c.trim().split("\\s+")[0]).toArray(String[]::new);
    }

    private static Type[] types(String columns) {
        return java.util.Arrays.stream(columns.split(",")).map(c -> Type.of(c.trim().split("\\s+")[1]))
                .toArray(Type[]::new);
    }
}
