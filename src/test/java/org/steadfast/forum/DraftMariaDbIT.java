package org.steadfast.forum;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class DraftMariaDbIT extends DraftScenarios {
}
