/**
 * REST resources, request validation and problem+json errors. Resources are thin: they check the
 * request, call one service and return its answer.
 */
package org.lracademy.api;
