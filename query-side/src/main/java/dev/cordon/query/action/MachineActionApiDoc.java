package dev.cordon.query.action;

import dev.cordon.query.apidoc.ODataOptions;
import dev.cordon.query.odata.ODataQuery;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Action center list's query options in the API document, from the filter schema the list enforces. */
@Configuration(proxyBeanMethods = false)
class MachineActionApiDoc {

    @Bean
    OperationCustomizer machineActionListOptions() {
        return ODataOptions.forList(MachineActionController.class, "list", MachineActionFilter.SCHEMA,
                MachineActionFilter.ORDERINGS, ODataQuery.MAX_TOP);
    }
}
