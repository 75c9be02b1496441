using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Persistence.Migrations;

/// <summary>
/// A message about an absence refers to it by a foreign key, so an absence recorded in the same unit of work gets its
/// id on saving (one round of inserts instead of two), and the messages about an absence are found by an index.
/// </summary>
[DbContext(typeof(CollegeDb))]
[Migration("20261122000005_OutboxAbsence")]
public sealed class OutboxAbsence : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string ForeignKey = "FK_outbox_absences_AbsenceId";

    protected override void Up(MigrationBuilder mb)
    {
        if (ActiveProvider == Sqlite)
        {
            // SQLite cannot add a constraint to a table: the table is built anew with it and the rows copied over.
            RebuildOutbox(mb, withAbsenceKey: true);
        }
        else
        {
            mb.AddForeignKey(ForeignKey, "outbox", "AbsenceId", "absences", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }

        mb.CreateIndex("IX_outbox_AbsenceId", "outbox", "AbsenceId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropIndex("IX_outbox_AbsenceId", "outbox");
        if (ActiveProvider == Sqlite)
        {
            RebuildOutbox(mb, withAbsenceKey: false);
        }
        else
        {
            mb.DropForeignKey(ForeignKey, "outbox");
        }
    }

    /// <summary>The outbox of <see cref="Initial"/>, with or without the key to the absence.</summary>
    private static void RebuildOutbox(MigrationBuilder mb, bool withAbsenceKey)
    {
        const string columns = "\"Id\", \"PersonId\", \"ChatId\", \"Language\", \"Kind\", \"Payload\", \"DedupeKey\", \"Priority\", "
            + "\"AbsenceId\", \"NotBefore\", \"CreatedAt\", \"Status\", \"Attempts\", \"LastError\", \"SentAt\", \"PiecesSent\", \"TelegramMessageId\"";
        mb.RenameTable("outbox", newName: "outbox_before_rebuild");
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
            if (withAbsenceKey)
            {
                t.ForeignKey(ForeignKey, x => x.AbsenceId, "absences", "Id", onDelete: ReferentialAction.SetNull);
            }
        });
        mb.Sql($"INSERT INTO \"outbox\" ({columns}) SELECT {columns} FROM \"outbox_before_rebuild\";");
        mb.DropTable("outbox_before_rebuild");
        mb.CreateIndex("IX_outbox_DedupeKey", "outbox", "DedupeKey", unique: true);
        mb.CreateIndex("IX_outbox_PersonId", "outbox", "PersonId");
        mb.CreateIndex("IX_outbox_Status_NotBefore", "outbox", ["Status", "NotBefore"]);
    }
}
