package dev.cordon.query.machine;

import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.query.odata.FilterField;
import dev.cordon.query.odata.FilterSchema;
import java.util.List;

/** The fields of {@code GET /api/machines} that {@code $filter} accepts (clients look devices up by name or AAD id). */
final class MachineFilter {

    static final FilterSchema SCHEMA = new FilterSchema(List.of(
            FilterField.string("id", "id"),
            FilterField.string("computerDnsName", "computer_dns_name"),
            FilterField.string("aadDeviceId", "aad_device_id"),
            FilterField.enumeration("osPlatform", "os_platform", OsPlatform.class),
            FilterField.enumeration("isolationState", "isolation_state", IsolationState.class)));

    private MachineFilter() {
    }
}
