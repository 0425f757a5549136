package org.steadfast.partners;

import org.steadfast.support.MariaDbTest;

@MariaDbTest
class PartnersMariaDbIT extends PartnerScenarios {
}
