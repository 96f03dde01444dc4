package org.accountsecurity.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh H2 database in memory, migrated by the service's own Flyway scripts, for tests
 * that build the stores without Spring; in the same mode as {@code ServiceTest}'s.
 */
public final class TestDatabase implements AutoCloseable {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private TestDatabase(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Its own database, however many tests run at once. */
	public static TestDatabase migrated() {
		// Concurrent writers wait for the audit chain's head lock: longer than H2's 1 s
		// default.
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:unit-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;"
				+ "LOCK_TIMEOUT=10000");
		Flyway.configure().dataSource(dataSource).load().migrate();
		return new TestDatabase(dataSource);
	}

	public DataSource dataSource() {
		return dataSource;
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	public JdbcTemplate jdbcTemplate() {
		return new JdbcTemplate(dataSource);
	}

	/** Transactions on this database, as the service's transaction manager runs them. */
	public TransactionTemplate transaction() {
		return transaction;
	}

	/**
	 * Every row of {@code table} in the order of {@code orderBy}, columns in lower case.
	 */
	public List<Map<String, Object>> rows(String table, String orderBy) {
		return jdbc.sql("select * from " + table + " order by " + orderBy).query().listOfRows();
	}

	@Override
	public void close() {
		jdbc.sql("shutdown").update();
	}

}
