-- A later migration as one would write it after V1 and V2: it names the indexes those made. ReadModelRebuildOnH2IT
-- applies it after rebuilds have switched the read models, which must therefore have kept those names.
drop index machine_computer_dns_name;
create index machine_computer_dns_name on machine (computer_dns_name, id);
alter index machine_action_machine rename to machine_action_by_machine;
alter table timeline_entry add column note varchar;
