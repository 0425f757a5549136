package org.steadfast.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a module writes its part of a member's export: kinds of data, each a list of rows of named
 * values. The same calls produce the JSON files and the readable HTML copy (the export asks each
 * module twice), so nothing is held in memory beyond one batch of rows.
 */
public abstract class ExportWriter {

	/** Starts a kind ({@code "posts"}): a JSON file of its own, a section of the HTML copy. */
	public abstract void begin(String kind) throws IOException;

	/** One row of the current kind: column labels and values (strings, numbers, booleans, times, null). */
	public abstract void row(List<String> columns, List<Object> values) throws IOException;

	/** Ends the current kind. */
	public abstract void end() throws IOException;

	/** Rows per batch read. */
	public abstract int batchSize();

	/** Notes a batch read, for the export's statistics. */
	protected abstract void batchRead(int rows);

	/**
	 * A whole kind from one query of a few rows (settings, a profile): read and written at once.
	 */
	public void kind(String kind, JdbcClient jdbc, String sql, Object... params) throws IOException {
		begin(kind);
		List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> Row.of(rs)).list();
		batchRead(rows.size());
		for (Row row : rows) {
			row(row.columns, row.values);
		}
		end();
	}

	/**
	 * A kind that may be large, read in batches by its key: {@code sql} ends with
	 * {@code ... and <key> > ? order by <key> limit ?}, the key being the first column selected.
	 */
	public void batches(String kind, JdbcClient jdbc, String sql, Object... params) throws IOException {
		begin(kind);
		long after = 0;
		while (true) {
			List<Object> all = new ArrayList<>(List.of(params));
			all.add(after);
			all.add(batchSize());
			List<Row> rows = jdbc.sql(sql).params(all).query((rs, n) -> Row.of(rs)).list();
			batchRead(rows.size());
			for (Row row : rows) {
				row(row.columns, row.values);
			}
			if (rows.size() < batchSize()) {
				break;
			}
			after = ((Number) rows.get(rows.size() - 1).values.get(0)).longValue();
		}
		end();
	}

	private record Row(List<String> columns, List<Object> values) {

		static Row of(ResultSet rs) throws SQLException {
			ResultSetMetaData meta = rs.getMetaData();
			List<String> columns = new ArrayList<>(meta.getColumnCount());
			List<Object> values = new ArrayList<>(meta.getColumnCount());
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
				Object value = rs.getObject(i);
				values.add(value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value);
			}
			return new Row(columns, values);
		}
	}

	static UncheckedIOException unchecked(IOException e) {
		return new UncheckedIOException(e);
	}
}
