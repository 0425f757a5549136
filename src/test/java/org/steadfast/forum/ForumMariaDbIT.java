package org.steadfast.forum;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class ForumMariaDbIT extends ForumScenarios {
}
