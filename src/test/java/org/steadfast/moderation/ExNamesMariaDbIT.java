package org.steadfast.moderation;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class ExNamesMariaDbIT extends ExNameScenarios {
}
