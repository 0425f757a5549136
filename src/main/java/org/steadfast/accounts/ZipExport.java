package org.steadfast.accounts;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.web.util.HtmlUtils;

/** The export's two writers: one JSON file per kind, and one readable HTML page of everything. */
final class ZipExport {

	private ZipExport() {
	}

	/** Counts what was read, for the export's statistics and tests. */
	static final class Stats {
		long rows;
		long batches;
		int largestBatch;

		void batch(int size) {
			batches++;
			largestBatch = Math.max(largestBatch, size);
		}
	}

	/** Writes to a zip entry without closing the zip when the entry ends. */
	private static Writer writer(ZipOutputStream zip) {
		return new BufferedWriter(new OutputStreamWriter(new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				zip.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				zip.write(b, off, len);
			}
		}, StandardCharsets.UTF_8), 16 * 1024);
	}

	static String text(Object value) {
		if (value instanceof Timestamp t) {
			return t.toLocalDateTime() + "Z";
		}
		if (value instanceof LocalDateTime t) {
			return t + "Z";
		}
		return String.valueOf(value);
	}

	static final class Json extends ExportWriter {

		private final ZipOutputStream zip;
		private final int batch;
		private final Stats stats;
		private Writer out;
		private boolean first;

		Json(ZipOutputStream zip, int batch, Stats stats) {
			this.zip = zip;
			this.batch = batch;
			this.stats = stats;
		}

		@Override
		public void begin(String kind) throws IOException {
			zip.putNextEntry(new ZipEntry(kind + ".json"));
			out = writer(zip);
			out.write("[");
			first = true;
		}

		@Override
		public void row(List<String> columns, List<Object> values) throws IOException {
			out.write(first ? "\n  {" : ",\n  {");
			first = false;
			for (int i = 0; i < columns.size(); i++) {
				if (i > 0) {
					out.write(", ");
				}
				string(columns.get(i));
				out.write(": ");
				Object value = values.get(i);
				if (value == null) {
					out.write("null");
				}
				else if (value instanceof Number || value instanceof Boolean) {
					out.write(value.toString());
				}
				else {
					string(text(value));
				}
			}
			out.write("}");
			stats.rows++;
		}

		private void string(String s) throws IOException {
			out.write('"');
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '"' -> out.write("\\\"");
					case '\\' -> out.write("\\\\");
					case '\n' -> out.write("\\n");
					case '\r' -> out.write("\\r");
					case '\t' -> out.write("\\t");
					default -> {
						if (c < 0x20 || c == '\u2028' || c == '\u2029') {
							out.write(String.format("\\u%04x", (int) c));
						}
						else {
							out.write(c);
						}
					}
				}
			}
			out.write('"');
		}

		@Override
		public void end() throws IOException {
			out.write(first ? "]\n" : "\n]\n");
			out.flush();
			zip.closeEntry();
		}

		@Override
		public int batchSize() {
			return batch;
		}

		@Override
		protected void batchRead(int rows) {
			stats.batch(rows);
		}
	}

	static final class Html extends ExportWriter {

		private final Writer out;
		private final int batch;
		private boolean header;
		private int rows;

		Html(ZipOutputStream zip, int batch, String title) throws IOException {
			zip.putNextEntry(new ZipEntry("your-data.html"));
			this.out = writer(zip);
			this.batch = batch;
			out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
					+ "</title></head><body>\n<h1>" + HtmlUtils.htmlEscape(title) + "</h1>\n");
		}

		@Override
		public void begin(String kind) throws IOException {
			out.write("<h2>" + HtmlUtils.htmlEscape(kind.replace('-', ' ')) + "</h2>\n");
			header = false;
			rows = 0;
		}

		@Override
		public void row(List<String> columns, List<Object> values) throws IOException {
			if (!header) {
				out.write("<table><tr>");
				for (String column : columns) {
					out.write("<th>" + HtmlUtils.htmlEscape(column.replace('_', ' ')) + "</th>");
				}
				out.write("</tr>\n");
				header = true;
			}
			out.write("<tr>");
			for (Object value : values) {
				out.write("<td>" + (value == null ? "" : HtmlUtils.htmlEscape(text(value))) + "</td>");
			}
			out.write("</tr>\n");
			rows++;
		}

		@Override
		public void end() throws IOException {
			out.write(rows == 0 ? "<p>None.</p>\n" : "</table>\n");
		}

		void finish(ZipOutputStream zip) throws IOException {
			out.write("</body></html>\n");
			out.flush();
			zip.closeEntry();
		}

		@Override
		public int batchSize() {
			return batch;
		}

		@Override
		protected void batchRead(int rows) {
		}
	}
}
