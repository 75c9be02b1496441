using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Persistence.Migrations;

/// <summary>Absences with their catch-up due dates, excuses, and the state of multi-step chat flows.</summary>
[DbContext(typeof(CollegeDb))]
[Migration("20261122000002_Attendance")]
public sealed class Attendance : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("conversations", t => new
        {
            PersonId = t.Column<int>(nullable: false),
            Flow = t.Column<string>(maxLength: 32, nullable: false),
            Step = t.Column<string>(maxLength: 32, nullable: false),
            Data = t.Column<string>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_conversations", x => x.PersonId);
            t.ForeignKey("FK_conversations_people_PersonId", x => x.PersonId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable("absences", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            StudentId = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Hours = t.Column<int>(nullable: false),
            Subject = t.Column<string>(maxLength: 100, nullable: true),
            SubjectKey = t.Column<string>(maxLength: 100, nullable: false),
            RecordedById = t.Column<int>(nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            Excused = t.Column<bool>(nullable: false),
            CatchUpDueOn = t.Column<DateOnly>(nullable: true),
            CaughtUpAt = t.Column<DateTime>(nullable: true),
            CaughtUpById = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_absences", x => x.Id);
            t.ForeignKey("FK_absences_people_StudentId", x => x.StudentId, "people", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_absences_people_RecordedById", x => x.RecordedById, "people", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_absences_StudentId_Date_SubjectKey", "absences", ["StudentId", "Date", "SubjectKey"], unique: true);
        mb.CreateIndex("IX_absences_CatchUpDueOn_CaughtUpAt", "absences", ["CatchUpDueOn", "CaughtUpAt"]);
        mb.CreateIndex("IX_absences_RecordedById", "absences", "RecordedById");

        mb.CreateTable("excuses", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            AbsenceId = t.Column<long>(nullable: false),
            StudentId = t.Column<int>(nullable: false),
            ReasonCode = t.Column<string>(maxLength: 32, nullable: false),
            Comment = t.Column<string>(maxLength: 1000, nullable: true),
            FileId = t.Column<string>(maxLength: 200, nullable: false),
            FileIsPhoto = t.Column<bool>(nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: true),
            Status = t.Column<int>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: false),
            DecidedById = t.Column<int>(nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            DecisionNote = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_excuses", x => x.Id);
            t.ForeignKey("FK_excuses_absences_AbsenceId", x => x.AbsenceId, "absences", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_excuses_people_StudentId", x => x.StudentId, "people", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_excuses_AbsenceId", "excuses", "AbsenceId");
        mb.CreateIndex("IX_excuses_Status_SubmittedAt", "excuses", ["Status", "SubmittedAt"]);
        mb.CreateIndex("IX_excuses_StudentId", "excuses", "StudentId");
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("excuses");
        mb.DropTable("absences");
        mb.DropTable("conversations");
    }
}
