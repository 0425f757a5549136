package org.steadfast.accounts;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.steadfast.support.MariaDbTest;

import static org.assertj.core.api.Assertions.assertThat;


@MariaDbTest
class AccountsMariaDbIT extends AccountScenarios {

	@Test
	void runsOnMariaDbThroughConnectorJWithUtf8mb4() {
		String product = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductVersion());
		assertThat(product).containsIgnoringCase("mariadb");
		String driver = jdbc.execute((Connection c) -> c.getMetaData().getDriverName());
		assertThat(driver).contains("MySQL Connector/J");
		assertThat(jdbc.queryForObject(
				"select l.character_set_name from information_schema.columns c join information_schema.collations l "
						+ "on c.collation_name = l.collation_name where c.table_schema = database() "
						+ "and c.table_name = 'member' and c.column_name = 'display_name'", String.class))
				.isEqualTo("utf8mb4");
	}
}
