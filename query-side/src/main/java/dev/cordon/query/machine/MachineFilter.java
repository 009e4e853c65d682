package dev.cordon.query.machine;

import dev.cordon.events.device.ExposureLevel;
import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.events.device.RiskScore;
import dev.cordon.query.odata.FilterField;
import dev.cordon.query.odata.FilterSchema;
import dev.cordon.query.odata.OrderBy;
import java.util.List;
import java.util.Locale;

/**
 * The fields of {@code GET /api/machines} that {@code $filter} accepts (clients look devices up by name or AAD id,
 * monitoring tools by presence; each column is written here, never taken from the request),
 * and the orders {@code $orderby} accepts (by id by default).
 */
final class MachineFilter {

    static final FilterSchema SCHEMA = new FilterSchema(List.of(
            FilterField.string("id", "id"),
            FilterField.string("computerDnsName", "computer_dns_name"),
            FilterField.string("aadDeviceId", "aad_device_id"),
            FilterField.enumeration("osPlatform", "os_platform", OsPlatform.class),
            FilterField.string("version", "version"),
            FilterField.enumeration("isolationState", "isolation_state", IsolationState.class),
            FilterField.collection("machineTags", "machine_tags"),
            // Presence (machine_presence, joined): a device never seen is Inactive and can be onboarded.
            FilterField.instant("lastSeen", "last_seen"),
            FilterField.string("lastIpAddress", "last_ip_address"),
            FilterField.string("lastExternalIpAddress", "last_external_ip_address"),
            FilterField.enumeration("healthStatus", MachinePresence.HEALTH_STATUS, HealthStatus.class),
            FilterField.enumeration("onboardingStatus", MachinePresence.ONBOARDING_STATUS, OnboardingStatus.class),
            // Defender's values, as the registering inventory reported them (None when it reported none).
            FilterField.enumeration("riskScore", "risk_score", RiskScore.class),
            FilterField.enumeration("exposureLevel", "exposure_level", ExposureLevel.class),
            // The device group (null for a device with no group yet). Names compare ignoring letter case, as the
            // scope compares them: the column is lowered (which the scope's index on lower(rbac_group_name) serves)
            // and so is the literal.
            FilterField.integer("rbacGroupId", "rbac_group_id"),
            FilterField.string("rbacGroupName", "LOWER(rbac_group_name)")
                    .normalisedBy(name -> name.toLowerCase(Locale.ROOT))));

    /** Defender's healthStatus values that Cordon gives (from presence alone). */
    enum HealthStatus { Active, Inactive }

    enum OnboardingStatus { Onboarded, CanBeOnboarded, Unsupported, InsufficientInfo }

    /**
     * Devices without a name sort last, then first in reverse, as PostgreSQL does by default; spelt out because
     * H2 (standalone mode) sorts NULL first unless told otherwise.
     */
    static final List<OrderBy> ORDERINGS = List.of(
            new OrderBy("id asc", "id ASC"),
            new OrderBy("id desc", "id DESC"),
            new OrderBy("computerDnsName asc", "computer_dns_name ASC NULLS LAST, id ASC"),
            new OrderBy("computerDnsName desc", "computer_dns_name DESC NULLS FIRST, id DESC"));

    private MachineFilter() {
    }
}
