package dev.cordon.query.machine;

import dev.cordon.events.device.IsolationState;
import dev.cordon.events.device.OsPlatform;
import dev.cordon.query.odata.FilterField;
import dev.cordon.query.odata.FilterSchema;
import dev.cordon.query.odata.OrderBy;
import java.util.List;

/**
 * The fields of {@code GET /api/machines} that {@code $filter} accepts (clients look devices up by name or AAD id),
 * and the orders {@code $orderby} accepts (by id by default).
 */
final class MachineFilter {

    static final FilterSchema SCHEMA = new FilterSchema(List.of(
            FilterField.string("id", "id"),
            FilterField.string("computerDnsName", "computer_dns_name"),
            FilterField.string("aadDeviceId", "aad_device_id"),
            FilterField.enumeration("osPlatform", "os_platform", OsPlatform.class),
            FilterField.enumeration("isolationState", "isolation_state", IsolationState.class)));

    static final List<OrderBy> ORDERINGS = List.of(
            new OrderBy("id asc", "id ASC"),
            new OrderBy("id desc", "id DESC"),
            new OrderBy("computerDnsName asc", "computer_dns_name ASC, id ASC"),
            new OrderBy("computerDnsName desc", "computer_dns_name DESC, id DESC"));

    private MachineFilter() {
    }
}
