package dev.cordon.query.machine;

import dev.cordon.query.apidoc.ODataOptions;
import dev.cordon.query.odata.ODataQuery;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The device list's query options in the API document, from the filter schema the list enforces. */
@Configuration(proxyBeanMethods = false)
class MachineApiDoc {

    @Bean
    OperationCustomizer machineListOptions() {
        return ODataOptions.forList(MachineController.class, "list", MachineFilter.SCHEMA, MachineFilter.ORDERINGS,
                ODataQuery.MAX_TOP);
    }
}
