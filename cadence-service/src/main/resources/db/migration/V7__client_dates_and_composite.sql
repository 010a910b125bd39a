-- Registry facts the date triggers read (cadence.md §4.2 T-REN, T-FYE) and the latest composite colour that
-- T-REN's priority and AR-RED's exit read (§7.2 HealthColorChanged); each moves only on a newer fact.
alter table client_view
    add column contract_renewal_date date,
    add column fiscal_year_end_month integer,
    add column composite_color       varchar(8),
    add column composite_color_time  timestamptz;
