using CollegeBot.Domain.Attendance;
using CollegeBot.Domain.Intake;
using CollegeBot.Domain.Messaging;
using CollegeBot.Domain.People;
using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CollegeBot.Domain.Persistence;

/// <summary>
/// The college's database. Its schema is written by hand in <c>Migrations/</c>; a test compares the two.
/// </summary>
public sealed class CollegeDb(DbContextOptions<CollegeDb> options) : DbContext(options)
{
    /// <summary>The rows of <c>IX_absences_OverdueScan</c>: open catch-ups not yet announced as overdue.</summary>
    internal const string OverdueScanFilter = "\"CatchUpDueOn\" IS NOT NULL AND \"CaughtUpAt\" IS NULL AND \"OverdueNotifiedAt\" IS NULL";

    public DbSet<Person> People => Set<Person>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupCurator> GroupCurators => Set<GroupCurator>();
    public DbSet<ParentChild> ParentChildren => Set<ParentChild>();
    public DbSet<InviteCode> InviteCodes => Set<InviteCode>();
    public DbSet<LinkAttempt> LinkAttempts => Set<LinkAttempt>();
    public DbSet<InboxUpdate> Inbox => Set<InboxUpdate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Absence> Absences => Set<Absence>();
    public DbSet<Excuse> Excuses => Set<Excuse>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<DiaryEntry> DiaryEntries => Set<DiaryEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC; SQLite forgets the kind, so it is restored on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasIndex(p => p.Code).IsUnique();
            e.HasIndex(p => p.TelegramUserId).IsUnique();
            e.Property(p => p.Code).HasMaxLength(64);
            e.Property(p => p.FullName).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(32);
            e.Property(p => p.Language).HasMaxLength(8);
            e.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<Group>(e =>
        {
            e.ToTable("groups");
            e.HasIndex(g => g.Name).IsUnique();
            e.Property(g => g.Name).HasMaxLength(64);
        });
        b.Entity<GroupCurator>(e =>
        {
            e.ToTable("group_curators");
            e.HasKey(x => new { x.GroupId, x.CuratorId });
            e.HasIndex(x => x.CuratorId);
            e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Curator).WithMany(p => p.CuratedGroups).HasForeignKey(x => x.CuratorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ParentChild>(e =>
        {
            e.ToTable("parent_children");
            e.HasKey(x => new { x.ParentId, x.ChildId });
            e.HasIndex(x => x.ChildId);
            e.HasOne(x => x.Parent).WithMany(p => p.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Child).WithMany(p => p.Parents).HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InviteCode>(e =>
        {
            e.ToTable("invite_codes");
            e.HasIndex(x => x.CodeHash).IsUnique();
            e.HasIndex(x => x.PersonId);
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<LinkAttempt>(e =>
        {
            e.ToTable("link_attempts");
            e.HasKey(x => x.TelegramUserId);
            e.Property(x => x.TelegramUserId).ValueGeneratedNever();
        });
        b.Entity<InboxUpdate>(e =>
        {
            e.ToTable("inbox");
            e.HasKey(x => x.UpdateId);
            e.Property(x => x.UpdateId).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.HasIndex(x => new { x.HandledAt, x.UpdateId });
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.DedupeKey).HasMaxLength(200);
            e.HasIndex(x => x.DedupeKey).IsUnique();
            e.HasIndex(x => new { x.Status, x.NotBefore });
            e.HasIndex(x => x.PersonId);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Absence).WithMany().HasForeignKey(x => x.AbsenceId).OnDelete(DeleteBehavior.SetNull);
        });
        OnAttendanceCreating(b);
        OnWorkBasedLearningCreating(b);
    }

    private static void OnAttendanceCreating(ModelBuilder b)
    {
        b.Entity<Conversation>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(x => x.PersonId);
            e.Property(x => x.PersonId).ValueGeneratedNever();
            e.Property(x => x.Flow).HasMaxLength(32);
            e.Property(x => x.Step).HasMaxLength(32);
            e.HasOne<Person>().WithOne(p => p.Conversation).HasForeignKey<Conversation>(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Absence>(e =>
        {
            e.ToTable("absences");
            e.Property(x => x.Subject).HasMaxLength(100);
            e.Property(x => x.SubjectKey).HasMaxLength(100);
            // The same student, day and subject is one absence: a second report does not count the hours twice.
            e.HasIndex(x => new { x.StudentId, x.Date, x.SubjectKey }).IsUnique();
            // The reminder scans look for open catch-ups by due date.
            e.HasIndex(x => new { x.CatchUpDueOn, x.CaughtUpAt });
            // The overdue scan reads only the open catch-ups nobody was told are overdue yet, so years of closed or
            // already announced ones cost it nothing. (Quoted names read the same in SQLite and PostgreSQL.)
            e.HasIndex(x => x.CatchUpDueOn, "IX_absences_OverdueScan").HasFilter(OverdueScanFilter);
            e.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Excuse>(e =>
        {
            e.ToTable("excuses");
            e.Property(x => x.ReasonCode).HasMaxLength(32);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.FileId).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.DecisionNote).HasMaxLength(1000);
            e.HasIndex(x => x.AbsenceId);
            e.HasIndex(x => new { x.Status, x.SubmittedAt });
            e.HasOne(x => x.Absence).WithMany().HasForeignKey(x => x.AbsenceId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void OnWorkBasedLearningCreating(ModelBuilder b)
    {
        b.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
        });
        b.Entity<Placement>(e =>
        {
            e.ToTable("placements");
            e.Property(x => x.ContractNo).HasMaxLength(64);
            e.Property(x => x.OrderNo).HasMaxLength(64);
            e.Property(x => x.FinalReview).HasMaxLength(4000);
            e.Property(x => x.Characterization).HasMaxLength(4000);

            // What placements.csv matches on: importing the same file again changes nothing.
            e.HasIndex(x => new { x.StudentId, x.Form, x.StartsOn }).IsUnique();
            e.HasIndex(x => x.MentorId);
            e.HasIndex(x => x.SupervisorId);
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.EndsOn);
            e.HasOne(x => x.Student).WithMany().HasForeignKey(x => x.StudentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Supervisor).WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DiaryEntry>(e =>
        {
            e.ToTable("diary_entries");
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.Comment).HasMaxLength(1000);

            // One entry per placement and day: a second message that day is appended to it.
            e.HasIndex(x => new { x.PlacementId, x.Date }).IsUnique();

            // The review reminders look for entries waiting since long.
            e.HasIndex(x => new { x.Status, x.SubmittedAt });
            e.HasOne(x => x.Placement).WithMany().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
