package io.mspcs.segmentation.service;

import io.mspcs.rest.ProblemException;
import io.mspcs.segmentation.domain.CapacityBook;
import io.mspcs.segmentation.domain.MrrBand;
import io.mspcs.segmentation.domain.Segment;
import io.mspcs.segmentation.repository.ClientEntity;
import io.mspcs.segmentation.repository.ClientRepository;
import io.mspcs.segmentation.repository.SegmentAssignmentEntity;
import io.mspcs.segmentation.repository.SegmentAssignmentRepository;
import io.mspcs.segmentation.repository.TeamMemberEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Books of business, capacity and portfolio distribution (segmentation.md §4, §6). */
@ApplicationScoped
public class ReportService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CapacityService capacity;
    private final ClientRepository clients;
    private final SegmentAssignmentRepository assignments;

    public ReportService(CapacityService capacity, ClientRepository clients, SegmentAssignmentRepository assignments) {
        this.capacity = capacity;
        this.clients = clients;
        this.assignments = assignments;
    }

    public record SegmentLine(long count, BigDecimal mrr, long green, long yellow, long red) {
    }

    public record Load(String unit, BigDecimal allocation, BigDecimal load, BigDecimal utilisationPct) {
    }

    public record Move(UUID clientId, UUID toMemberId, String reason) {
    }

    public record Book(UUID memberId, String name, String role, long accounts, long scored, Map<String, Long> byColor,
                       Map<String, SegmentLine> bySegment, BigDecimal mrr, BigDecimal redYellowPct, List<String> breaches,
                       Load load, List<Move> suggestion) {
    }

    public record Line(String key, long count, BigDecimal mrr, BigDecimal mrrPct) {
    }

    public record Cell(String segment, String mrrBand, long count, BigDecimal mrr) {
    }

    public record Distribution(long totalClients, BigDecimal totalMrr, long provisional, List<Line> bySegment,
                               List<Line> byMrrBand, List<Cell> matrix) {
    }

    @WithTransaction
    public Uni<Book> book(UUID tenantId, UUID memberId, String role) {
        return capacity.books(tenantId).map(all -> {
            TeamMemberEntity member = all.members().get(memberId);
            if (member == null) {
                throw TeamService.memberNotFound(memberId);
            }
            List<CapacityBook> books = all.books().stream().filter(b -> b.memberId().equals(memberId))
                    .filter(b -> role == null || b.role().name().equals(role)).toList();
            if (role == null && books.size() > 1) {
                throw ProblemException.invalid("role", "required", "The member holds several roles; pass ?role=");
            }
            if (books.isEmpty()) {
                throw ProblemException.invalid("role", "member-lacks-role", "The member does not hold the role " + role);
            }
            return book(books.get(0), member, all);
        });
    }

    @WithTransaction
    public Uni<List<Book>> capacity(UUID tenantId, String role) {
        return capacity.books(tenantId).map(all -> all.books().stream()
                .filter(b -> all.members().get(b.memberId()).active())
                .filter(b -> role == null || b.role().name().equals(role))
                .map(b -> book(b, all.members().get(b.memberId()), all)).toList());
    }

    private static Book book(CapacityBook book, TeamMemberEntity member, CapacityService.Books all) {
        var policy = all.policy().capacity();
        Map<String, Long> byColor = new LinkedHashMap<>();
        for (String color : List.of("GREEN", "YELLOW", "RED")) {
            byColor.put(color, book.count(color));
        }
        Map<String, SegmentLine> bySegment = new LinkedHashMap<>();
        book.bySegment().forEach((segment, list) -> bySegment.put(segment.name(), new SegmentLine(list.size(),
                list.stream().map(CapacityBook.BookClient::mrr).reduce(BigDecimal.ZERO, BigDecimal::add),
                list.stream().filter(c -> "GREEN".equals(c.color())).count(),
                list.stream().filter(c -> "YELLOW".equals(c.color())).count(),
                list.stream().filter(c -> "RED".equals(c.color())).count())));
        List<CapacityBook.BreachKind> breaches = book.breaches(policy);
        List<Move> moves = new ArrayList<>();
        for (CapacityBook.BreachKind kind : breaches) {
            book.suggest(kind, CapacityService.activeBooks(all, book.role()), policy)
                    .forEach(s -> moves.add(new Move(s.clientId(), s.toMemberId(), s.reason())));
        }
        return new Book(book.memberId(), member.name, book.role().name(), book.clients().size(), book.scored(), byColor,
                bySegment, book.clients().stream().map(CapacityBook.BookClient::mrr).reduce(BigDecimal.ZERO, BigDecimal::add),
                book.redYellowPct(policy), breaches.stream().map(Enum::name).toList(),
                new Load(book.unit().name(), book.allocation(), book.load(policy).setScale(2, RoundingMode.HALF_UP),
                        book.utilisationPct(policy)), moves);
    }

    @WithTransaction
    public Uni<Distribution> distribution(UUID tenantId) {
        return clients.active(tenantId).chain(active -> assignments.allInTenant(tenantId).map(rows -> {
            Map<UUID, SegmentAssignmentEntity> byClient = rows.stream().collect(Collectors.toMap(r -> r.clientId, r -> r));
            List<ClientEntity> placed = active.stream().filter(c -> byClient.containsKey(c.id)).toList();
            BigDecimal total = sum(placed, c -> true);
            List<Line> bySegment = new ArrayList<>();
            for (Segment segment : Segment.values()) {
                Predicate<ClientEntity> in = c -> byClient.get(c.id).segment.equals(segment.name());
                bySegment.add(line(segment.name(), placed, in, total));
            }
            List<Line> byBand = new ArrayList<>();
            for (MrrBand band : MrrBand.values()) {
                byBand.add(line(band.name(), placed, c -> byClient.get(c.id).mrrBand.equals(band.name()), total));
            }
            List<Cell> matrix = new ArrayList<>();
            for (Segment segment : Segment.values()) {
                for (MrrBand band : MrrBand.values()) {
                    Predicate<ClientEntity> in = c -> byClient.get(c.id).segment.equals(segment.name())
                            && byClient.get(c.id).mrrBand.equals(band.name());
                    matrix.add(new Cell(segment.name(), band.name(), placed.stream().filter(in).count(), sum(placed, in)));
                }
            }
            long provisional = placed.stream().filter(c -> byClient.get(c.id).provisional).count();
            return new Distribution(placed.size(), total, provisional, bySegment, byBand, matrix);
        }));
    }

    private static Line line(String key, List<ClientEntity> clients, Predicate<ClientEntity> in, BigDecimal total) {
        BigDecimal mrr = sum(clients, in);
        return new Line(key, clients.stream().filter(in).count(), mrr,
                total.signum() == 0 ? BigDecimal.ZERO.setScale(1) : mrr.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP));
    }

    private static BigDecimal sum(List<ClientEntity> clients, Predicate<ClientEntity> in) {
        return clients.stream().filter(in).map(c -> c.mrrAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
