using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Persistence.Migrations;

/// <summary>People, groups, invites, the inbox of updates and the outbox of messages.</summary>
/// <remarks>
/// Written by hand (the design-time tooling is not available to us). Column types are left to the provider so
/// the same migration serves SQLite and PostgreSQL; <c>MigrationsMatchModelTests</c> keeps it equal to the model.
/// </remarks>
[DbContext(typeof(CollegeDb))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("groups", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_groups", x => x.Id));
        mb.CreateIndex("IX_groups_Name", "groups", "Name", unique: true);

        mb.CreateTable("people", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Code = t.Column<string>(maxLength: 64, nullable: false),
            FullName = t.Column<string>(maxLength: 200, nullable: false),
            Phone = t.Column<string>(maxLength: 32, nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: true),
            Roles = t.Column<int>(nullable: false),
            GroupId = t.Column<int>(nullable: true),
            TelegramUserId = t.Column<long>(nullable: true),
            ChatId = t.Column<long>(nullable: true),
            LinkedAt = t.Column<DateTime>(nullable: true),
            BlockedAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_people", x => x.Id);
            t.ForeignKey("FK_people_groups_GroupId", x => x.GroupId, "groups", "Id", onDelete: ReferentialAction.SetNull);
        });
        mb.CreateIndex("IX_people_Code", "people", "Code", unique: true);
        mb.CreateIndex("IX_people_GroupId", "people", "GroupId");
        mb.CreateIndex("IX_people_TelegramUserId", "people", "TelegramUserId", unique: true);

        mb.CreateTable("group_curators", t => new
        {
            GroupId = t.Column<int>(nullable: false),
            CuratorId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_group_curators", x => new { x.GroupId, x.CuratorId });
            t.ForeignKey("FK_group_curators_groups_GroupId", x => x.GroupId, "groups", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_group_curators_people_CuratorId", x => x.CuratorId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_group_curators_CuratorId", "group_curators", "CuratorId");

        mb.CreateTable("parent_children", t => new
        {
            ParentId = t.Column<int>(nullable: false),
            ChildId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_parent_children", x => new { x.ParentId, x.ChildId });
            t.ForeignKey("FK_parent_children_people_ParentId", x => x.ParentId, "people", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_parent_children_people_ChildId", x => x.ChildId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_parent_children_ChildId", "parent_children", "ChildId");

        mb.CreateTable("invite_codes", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            CodeHash = t.Column<string>(maxLength: 64, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            UsedAt = t.Column<DateTime>(nullable: true),
            UsedByTelegramUserId = t.Column<long>(nullable: true),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_invite_codes", x => x.Id);
            t.ForeignKey("FK_invite_codes_people_PersonId", x => x.PersonId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_invite_codes_CodeHash", "invite_codes", "CodeHash", unique: true);
        mb.CreateIndex("IX_invite_codes_PersonId", "invite_codes", "PersonId");

        mb.CreateTable("link_attempts", t => new
        {
            TelegramUserId = t.Column<long>(nullable: false),
            Failures = t.Column<int>(nullable: false),
            WindowStartedAt = t.Column<DateTime>(nullable: false),
            LockedUntil = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_link_attempts", x => x.TelegramUserId));

        mb.CreateTable("inbox", t => new
        {
            UpdateId = t.Column<long>(nullable: false),
            ChatId = t.Column<long>(nullable: true),
            FromUserId = t.Column<long>(nullable: true),
            Kind = t.Column<string>(maxLength: 32, nullable: false),
            Payload = t.Column<string>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            HandledAt = t.Column<DateTime>(nullable: true),
            Error = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_inbox", x => x.UpdateId));
        mb.CreateIndex("IX_inbox_HandledAt_UpdateId", "inbox", ["HandledAt", "UpdateId"]);

        mb.CreateTable("outbox", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: true),
            ChatId = t.Column<long>(nullable: true),
            Language = t.Column<string>(maxLength: 8, nullable: true),
            Kind = t.Column<string>(maxLength: 64, nullable: false),
            Payload = t.Column<string>(nullable: false),
            DedupeKey = t.Column<string>(maxLength: 200, nullable: true),
            Priority = t.Column<int>(nullable: false),
            AbsenceId = t.Column<long>(nullable: true),
            NotBefore = t.Column<DateTime>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<int>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            LastError = t.Column<string>(nullable: true),
            SentAt = t.Column<DateTime>(nullable: true),
            PiecesSent = t.Column<int>(nullable: false),
            TelegramMessageId = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_outbox", x => x.Id);
            t.ForeignKey("FK_outbox_people_PersonId", x => x.PersonId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_outbox_DedupeKey", "outbox", "DedupeKey", unique: true);
        mb.CreateIndex("IX_outbox_PersonId", "outbox", "PersonId");
        mb.CreateIndex("IX_outbox_Status_NotBefore", "outbox", ["Status", "NotBefore"]);
    }

    protected override void Down(MigrationBuilder mb)
    {
        foreach (var table in new[] { "outbox", "inbox", "link_attempts", "invite_codes", "parent_children", "group_curators", "people", "groups" })
        {
            mb.DropTable(table);
        }
    }
}
