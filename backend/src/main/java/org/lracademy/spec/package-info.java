/**
 * What every request spec shares: violations that name the field, the value and the rule, and a
 * collector that gathers all of them before anything runs. Knows nothing of HTTP.
 */
package org.lracademy.spec;
