package org.steadfast.ops.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * MySQL Connector/J presents a MariaDB server as MySQL, so Hibernate would speak MySQL's dialect to
 * it, including locking clauses MariaDB refuses ({@code for update of ... skip locked}, which the
 * search outbox uses). When the server says it is MariaDB, use Hibernate's MariaDB dialect, unless
 * a dialect is configured. One setting ({@code STEADFAST_DB_URL}) then serves both databases.
 */
@Component
class MariaDbDialect implements HibernatePropertiesCustomizer {

	private final DataSource dataSource;

	MariaDbDialect(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void customize(Map<String, Object> properties) {
		if (properties.containsKey("hibernate.dialect")) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			String version = connection.getMetaData().getDatabaseProductVersion();
			if ("MySQL".equalsIgnoreCase(product) && version != null && version.contains("MariaDB")) {
				properties.put("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
			}
		}
		catch (SQLException e) {
			// Hibernate reports an unreachable database itself, more clearly than this could.
		}
	}
}
