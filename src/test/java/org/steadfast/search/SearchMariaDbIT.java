package org.steadfast.search;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class SearchMariaDbIT extends SearchScenarios {
}
