using System.Text;
using CollegeBot.Domain.People;
using CollegeBot.Domain.People.Import;
using CollegeBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CollegeBot.Domain.Tests.People.PeopleTestData;

namespace CollegeBot.Domain.Tests.People;

public sealed class PeopleImportTests
{
    [Fact]
    public async Task A_good_file_imports_people_roles_groups_curators_and_parents()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(GoodFile);

        Assert.Empty(report.Errors);
        Assert.Equal((8, 0, 0, 2), (report.Created, report.Updated, report.Unchanged, report.GroupsCreated));

        var aida = await test.PersonAsync("S1001");
        Assert.Equal(("Aida Bekova", Roles.Student, "IT-1-23", "+996555123456", "ky"), (aida.FullName, aida.Roles, aida.Group!.Name, aida.Phone, aida.Language));
        Assert.Equal(test.Clock.UtcNow, aida.CreatedAt);
        Assert.Equal(test.Clock.UtcNow, aida.UpdatedAt);

        var dina = await test.PersonAsync("T01");
        Assert.Equal(Roles.Curator | Roles.Teacher, dina.Roles);
        Assert.Equal(["IT-1-23", "IT-2-23"], dina.CuratedNames());
        Assert.Null(dina.GroupId);
        Assert.Equal("+996700111222", dina.Phone);

        var elmira = await test.PersonAsync("P01");
        Assert.Equal(Roles.Parent, elmira.Roles);
        Assert.Equal(["S1001", "S1002"], elmira.ChildCodes());
        Assert.Equal("+77011234567", elmira.Phone);
        Assert.Null(elmira.Language);
        Assert.Equal(["S1003"], (await test.PersonAsync("P02")).ChildCodes());
        Assert.Equal(Roles.Admin, (await test.PersonAsync("A01")).Roles);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        var before = await test.SnapshotAsync();
        test.Clock.Advance(TimeSpan.FromDays(1));

        var report = await test.ImportAsync(GoodFile);

        Assert.Empty(report.Errors);
        Assert.Equal((0, 0, 8, 0), (report.Created, report.Updated, report.Unchanged, report.GroupsCreated));
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task An_updated_file_updates_people_in_place_and_leaves_the_unlisted_alone()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        var (aida, bakyt, dina, elmira, admin) = (
            await test.PersonAsync("S1001"), await test.PersonAsync("S1002"), await test.PersonAsync("T01"),
            await test.PersonAsync("P01"), await test.PersonAsync("A01"));
        test.Clock.Advance(TimeSpan.FromDays(3));

        var report = await test.ImportAsync(Csv(
            "student,S1001,Aida Bekovna,IT-1-23,,,",       // name fixed
            "student,S1002,Bakyt Osmonov,IT-3-23,,,",      // moved to a new group
            "teacher,T01,Dina Petrova,,,,",                // no longer a curator
            "curator,S1003,Chynara Asanova,IT-1-23,,,",    // no longer a student, now a curator
            "parent,P01,Elmira Bekova,,,,S1002",           // children replaced
            "student,S1004,Daniyar Uulu,IT-2-23,,,"));

        Assert.Empty(report.Errors);
        Assert.Equal((1, 5, 0, 1), (report.Created, report.Updated, report.Unchanged, report.GroupsCreated));

        var aidaNow = await test.PersonAsync("S1001");
        Assert.Equal((aida.Id, "Aida Bekovna", "+996555123456", "ky"), (aidaNow.Id, aidaNow.FullName, aidaNow.Phone, aidaNow.Language));
        Assert.Equal(test.Clock.UtcNow, aidaNow.UpdatedAt);
        Assert.Equal(aida.CreatedAt, aidaNow.CreatedAt);

        var bakytNow = await test.PersonAsync("S1002");
        Assert.Equal((bakyt.Id, "IT-3-23"), (bakytNow.Id, bakytNow.Group!.Name));

        var dinaNow = await test.PersonAsync("T01");
        Assert.Equal((dina.Id, Roles.Teacher), (dinaNow.Id, dinaNow.Roles));
        Assert.Empty(dinaNow.CuratedGroups);

        var chynara = await test.PersonAsync("S1003");
        Assert.Equal(Roles.Curator, chynara.Roles);
        Assert.Null(chynara.GroupId);
        Assert.Equal(["IT-1-23"], chynara.CuratedNames());

        var elmiraNow = await test.PersonAsync("P01");
        Assert.Equal((elmira.Id, "+77011234567"), (elmiraNow.Id, elmiraNow.Phone));
        Assert.Equal(["S1002"], elmiraNow.ChildCodes());

        var adminNow = await test.PersonAsync("A01");
        Assert.Equal((admin.Roles, admin.UpdatedAt), (adminNow.Roles, adminNow.UpdatedAt));
        Assert.Equal(["S1003"], (await test.PersonAsync("P02")).ChildCodes());
    }

    [Fact]
    public async Task A_parent_whose_child_is_already_in_the_database_but_not_in_the_file_is_linked_to_it()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);

        var report = await test.ImportAsync(Csv("parent,P09,Zarina Osmonova,,,,S1002|S1003"));

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.Created);
        Assert.Equal(["S1002", "S1003"], (await test.PersonAsync("P09")).ChildCodes());
        Assert.Equal(Roles.Student, (await test.PersonAsync("S1002")).Roles);
    }

    [Fact]
    public async Task An_empty_phone_or_language_cell_keeps_the_stored_value()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);

        var report = await test.ImportAsync(Csv("student,S1001,Aida Bekova,IT-1-23,,,"));

        Assert.Equal((0, 0, 1), (report.Created, report.Updated, report.Unchanged));
        var aida = await test.PersonAsync("S1001");
        Assert.Equal(("+996555123456", "ky"), (aida.Phone, aida.Language));
    }

    [Fact]
    public async Task The_file_sets_the_language_of_someone_not_linked_but_a_linked_persons_own_choice_wins()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        await using (var db = test.NewDb())
        {
            var chynara = await db.People.SingleAsync(p => p.Code == "S1003");
            (chynara.TelegramUserId, chynara.ChatId, chynara.Language) = (777, 777, "ky");
            await db.SaveChangesAsync();
        }

        var report = await test.ImportAsync(Csv(
            "student,S1001,Aida Bekova,IT-1-23,,en,",
            "student,S1003,Chynara Asanova,IT-2-23,,ru,"));

        Assert.Equal((1, 1), (report.Updated, report.Unchanged));
        Assert.Equal("en", (await test.PersonAsync("S1001")).Language);
        Assert.Equal("ky", (await test.PersonAsync("S1003")).Language);
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_quoted_commas_and_a_loose_header_imports()
    {
        await using var test = await TestDatabase.CreateAsync();
        var text = " Role , CODE,Full_Name,group,phone,language,students,notes\r\n"
            + "student,S1,\"Osmonov, Bakyt \"\"Baka\"\"\",IT-1-23,,,,\"any, note\"\r\n"
            + "\r\n"
            + ",,,,,,,\r\n"
            + "curator,T1,\"Petrova, Dina\",\"IT-1-23 | it-1-23|IT-9-23\",,RU,,\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        ImportReport report;
        await using (var db = test.NewDb())
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            report = await new PeopleImporter(db, test.Clock).ImportAsync(reader, CancellationToken.None);
        }

        Assert.Empty(report.Errors);
        Assert.Equal((2, 2), (report.Created, report.GroupsCreated));
        Assert.Equal("Osmonov, Bakyt \"Baka\"", (await test.PersonAsync("S1")).FullName);
        var dina = await test.PersonAsync("T1");
        Assert.Equal(["IT-1-23", "IT-9-23"], dina.CuratedNames());
        Assert.Equal("ru", dina.Language);
    }

    [Fact]
    public async Task A_byte_order_mark_left_in_the_text_is_ignored_too()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync("\uFEFF" + Csv("teacher,T1,Dina Petrova,,,,"));

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task Group_names_match_existing_groups_ignoring_case()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);

        var report = await test.ImportAsync(Csv("student,S1005,Erlan Toktogulov,it-2-23,,,"));

        Assert.Equal(0, report.GroupsCreated);
        Assert.Equal("IT-2-23", (await test.PersonAsync("S1005")).Group!.Name);
    }

    [Fact]
    public async Task A_large_file_imports_whole_and_again_without_change()
    {
        await using var test = await TestDatabase.CreateAsync();
        var rows = new List<string>();
        for (var i = 0; i < 1600; i++)
        {
            rows.Add($"student,S{i:D5},Student Number {i},G-{i % 100},+996555{i:D6},ru,");
        }

        for (var i = 0; i < 400; i++)
        {
            rows.Add($"parent,P{i:D5},Parent Number {i},,,,S{i * 4:D5}|S{(i * 4) + 1:D5}");
        }

        var file = Csv([.. rows]);

        var first = await test.ImportAsync(file);
        var second = await test.ImportAsync(file);

        Assert.Empty(first.Errors);
        Assert.Equal((2_000, 100), (first.Created, first.GroupsCreated));
        Assert.Equal((0, 0, 2_000), (second.Created, second.Updated, second.Unchanged));
        await using var db = test.NewDb();
        Assert.Equal(800, await db.ParentChildren.CountAsync());
    }
}
