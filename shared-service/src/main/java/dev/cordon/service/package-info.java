/**
 * What the command side and the query side both run, written once: see docs/decisions/0011-shared-service-module.md.
 * {@code shared-events} stays plain Java; everything here may use Spring.
 */
package dev.cordon.service;
