using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CollegeBot.Domain.Persistence.Migrations;

/// <summary>
/// The scheduled reminders: an absence remembers when its overdue notice went out, and a partial index keeps the
/// overdue scan to the catch-ups still waiting for one.
/// </summary>
[DbContext(typeof(CollegeDb))]
[Migration("20261122000003_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        mb.AddColumn<DateTime>("OverdueNotifiedAt", "absences", nullable: true);
        mb.CreateIndex("IX_absences_OverdueScan", "absences", "CatchUpDueOn", filter: CollegeDb.OverdueScanFilter);
    }

    protected override void Down(MigrationBuilder mb)
    {
        mb.DropIndex("IX_absences_OverdueScan", "absences");
        mb.DropColumn("OverdueNotifiedAt", "absences");
    }
}
