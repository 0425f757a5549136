package org.steadfast.forum;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class ForumIntegrityMariaDbIT extends ForumIntegrityScenarios {
}
