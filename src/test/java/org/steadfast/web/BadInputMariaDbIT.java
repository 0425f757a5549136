package org.steadfast.web;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class BadInputMariaDbIT extends BadInputScenarios {
}
