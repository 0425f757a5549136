package org.steadfast.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the real MariaDB at 127.0.0.1:3306 (through MySQL Connector/J and the
 * {@code mysql} profile), in a database created for this test run and dropped afterwards.
 * Without a server the tests are skipped with a notice, except under CI=true, where they fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariaDb.Available.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "mysql" })
@ContextConfiguration(initializers = MariaDb.Initializer.class)
@Import({ StatementCounter.Config.class, Members.class, Partnering.class })
public @interface MariaDbTest {
}
