/**
 * Choosing accountability partners from the pool of members who are looking for one. Pure Java
 * with no framework and no database, so that the partners module can call it from its daily job
 * or from a "find me a partner" request with whatever it has loaded, and tests can check it
 * exhaustively.
 * <p>
 * {@link org.steadfast.partners.matching.Fit} says whether two members could be partners and how
 * well they fit; {@link org.steadfast.partners.matching.Matcher} chooses the pairs that make the
 * total fit over the whole pool as large as possible and says why everyone else is waiting.
 */
package org.steadfast.partners.matching;
