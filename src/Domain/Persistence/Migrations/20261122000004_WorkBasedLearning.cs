using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Persistence.Migrations;

/// <summary>Work-based learning: organisations, placements with the mentor's final review, and the students' diaries.</summary>
[DbContext(typeof(CollegeDb))]
[Migration("20261122000004_WorkBasedLearning")]
public sealed class WorkBasedLearning : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateTable("organizations", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            HasMemorandum = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_organizations", x => x.Id));
        mb.CreateIndex("IX_organizations_Name", "organizations", "Name", unique: true);

        mb.CreateTable("placements", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            StudentId = t.Column<int>(nullable: false),
            Form = t.Column<int>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            OrganizationId = t.Column<int>(nullable: false),
            MentorId = t.Column<int>(nullable: false),
            SupervisorId = t.Column<int>(nullable: false),
            StartsOn = t.Column<DateOnly>(nullable: false),
            EndsOn = t.Column<DateOnly>(nullable: false),
            PlannedHours = t.Column<int>(nullable: true),
            ContractNo = t.Column<string>(maxLength: 64, nullable: true),
            OrderNo = t.Column<string>(maxLength: 64, nullable: true),
            FinalReview = t.Column<string>(maxLength: 4000, nullable: true),
            Characterization = t.Column<string>(maxLength: 4000, nullable: true),
            FinalGrade = t.Column<int>(nullable: true),
            FinalAt = t.Column<DateTime>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_placements", x => x.Id);
            t.ForeignKey("FK_placements_people_StudentId", x => x.StudentId, "people", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_placements_people_MentorId", x => x.MentorId, "people", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_placements_people_SupervisorId", x => x.SupervisorId, "people", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_placements_organizations_OrganizationId", x => x.OrganizationId, "organizations", "Id", onDelete: ReferentialAction.Restrict);
        });
        mb.CreateIndex("IX_placements_StudentId_Form_StartsOn", "placements", ["StudentId", "Form", "StartsOn"], unique: true);
        mb.CreateIndex("IX_placements_MentorId", "placements", "MentorId");
        mb.CreateIndex("IX_placements_SupervisorId", "placements", "SupervisorId");
        mb.CreateIndex("IX_placements_OrganizationId", "placements", "OrganizationId");
        mb.CreateIndex("IX_placements_EndsOn", "placements", "EndsOn");

        mb.CreateTable("diary_entries", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            PlacementId = t.Column<int>(nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Hours = t.Column<int>(nullable: true),
            Status = t.Column<int>(nullable: false),
            Grade = t.Column<int>(nullable: true),
            Comment = t.Column<string>(maxLength: 1000, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            ReviewedById = t.Column<int>(nullable: true),
            Version = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SubmittedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_diary_entries", x => x.Id);
            t.ForeignKey("FK_diary_entries_placements_PlacementId", x => x.PlacementId, "placements", "Id", onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex("IX_diary_entries_PlacementId_Date", "diary_entries", ["PlacementId", "Date"], unique: true);
        mb.CreateIndex("IX_diary_entries_Status_SubmittedAt", "diary_entries", ["Status", "SubmittedAt"]);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropTable("diary_entries");
        mb.DropTable("placements");
        mb.DropTable("organizations");
    }
}
