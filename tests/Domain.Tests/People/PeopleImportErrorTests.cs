using CollegeBot.Domain.People.Import;
using CollegeBot.Tests.Support;
using static CollegeBot.Domain.Tests.People.PeopleTestData;

namespace CollegeBot.Domain.Tests.People;

/// <summary>Every bad file is refused whole, with each problem's line, and the database stays exactly as it was.</summary>
public sealed class PeopleImportErrorTests
{
    // Lines 2 and 3 of every file below are good; the row under test is line 4.
    private static readonly string[] GoodRows =
    [
        "student,S2001,Aibek Sadyrov,IT-1-23,,,",
        "teacher,T02,Olga Ivanova,,,,",
    ];

    [Theory]
    [InlineData("janitor,X1,Some One,,,,", "role 'janitor' is not one of student, parent")]
    [InlineData(",X1,Some One,,,,", "role is empty")]
    [InlineData("teacher,,Some One,,,,", "code is empty")]
    [InlineData("teacher,X 1,Some One,,,,", "must not contain spaces")]
    [InlineData("teacher,X1,   ,,,,", "full_name is empty")]
    [InlineData("teacher,X1,Some One,,0555 123 456,,", "phone '0555 123 456' is not a phone number")]
    [InlineData("teacher,X1,Some One,,+996 555 12,,", "phone '+996 555 12' is not a phone number")]
    [InlineData("teacher,X1,Some One,,,de,", "language 'de' must be one of ky, ru, en")]
    [InlineData("student,X1,Some One,,,,", "a student needs a group")]
    [InlineData("student,X1,Some One,IT-1-23|IT-2-23,,,", "a student is in one group, not 2")]
    [InlineData("curator,X1,Some One,,,,", "a curator needs the groups they curate")]
    [InlineData("teacher,X1,Some One,IT-1-23,,,", "group must be empty for a teacher")]
    [InlineData("parent,X1,Some One,,,,", "a parent needs their children's codes")]
    [InlineData("mentor,X1,Some One,,,,S2001", "students must be empty for a mentor")]
    [InlineData("parent,X1,Some One,,,,X1", "X1 is listed as their own child")]
    [InlineData("parent,X1,Some One,,,,S2001|S9999", "child S9999 is not a student in this file or in the database")]
    [InlineData("parent,X1,Some One,,,,T02", "child T02 is in this file but not as a student")]
    [InlineData("teacher,S2001,Aibek Sadyrov Jr,,,,", "S2001 is named 'Aibek Sadyrov' on line 2 but 'Aibek Sadyrov Jr' here")]
    [InlineData("student,S2001,Aibek Sadyrov,IT-2-23,,,", "S2001 is already a student on line 2")]
    [InlineData("teacher,X1,Ivanov, Ivan,,,,", "8 values but the header has 7 columns")]
    [InlineData("teacher,X1,Ivan \"Vanya\" Ivanov,,,,", "a double quote inside a value that is not in quotes")]
    [InlineData("teacher,X1,\"Ivan Ivanov,,,,", "a double quote opens a value but does not close it")]
    [InlineData("teacher,X1,\"Ivan\" Ivanov,,,,", "text after the closing double quote")]
    public async Task A_bad_row_is_refused_with_its_line_and_nothing_changes(string row, string reason)
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);
        var before = await test.SnapshotAsync();
        test.Clock.Advance(TimeSpan.FromHours(1));

        var report = await test.ImportAsync(Csv([.. GoodRows, row, "student,S2002,Bermet Alieva,IT-5-23,,,"]));

        var error = Assert.Single(report.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal((0, 0, 0), (report.Created, report.Updated, report.GroupsCreated));
        Assert.Equal(before, await test.SnapshotAsync());
    }

    [Fact]
    public async Task A_parent_whose_child_is_unknown_is_refused_with_its_line()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Csv("parent,P1,Some Parent,,,,S404"));

        Assert.Equal(new ImportError(2, "child S404 is not a student in this file or in the database"), Assert.Single(report.Errors));
        Assert.Equal("", await test.SnapshotAsync());
    }

    [Fact]
    public async Task A_refused_student_row_is_not_blamed_again_on_the_parent()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Csv("parent,P1,Some Parent,,,,S1", "student,S1,Aida Bekova,IT-1-23,12345,,"));

        Assert.Equal(3, Assert.Single(report.Errors).Line);
    }

    [Fact]
    public async Task A_child_in_the_database_who_is_not_a_student_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.ImportAsync(GoodFile);

        var report = await test.ImportAsync(Csv("parent,P1,Some Parent,,,,M01"));

        Assert.Equal(new ImportError(2, "child M01 is not a student"), Assert.Single(report.Errors));
    }

    [Theory]
    [InlineData("+996 700 111 222", "+996 555 000 000", "T1 has phone +996700111222 on line 2 but +996555000000 here")]
    [InlineData("", "+996 555 000 000", null)]
    public async Task Rows_of_one_person_must_agree_on_the_phone(string first, string second, string? error)
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Csv($"teacher,T1,Dina Petrova,,{first},,", $"curator,T1,Dina Petrova,IT-1-23,{second},,"));

        Assert.Equal(error is null ? [] : [new ImportError(3, error)], report.Errors);
    }

    [Fact]
    public async Task Rows_of_one_person_must_agree_on_the_language()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Csv("teacher,T1,Dina Petrova,,,ru,", "curator,T1,Dina Petrova,IT-1-23,,ky,"));

        Assert.Equal([new ImportError(3, "T1 has language ru on line 2 but ky here")], report.Errors);
    }

    [Fact]
    public async Task Every_error_of_the_file_is_reported_in_line_order_counting_blank_lines()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Csv(
            "student,S1,Aida,,,,",
            "",
            "teacher,T1,Dina,,,xx,",
            "student,S2,Bakyt,IT-1-23,,,",
            "parent,P1,Elmira,,,,S404"));

        Assert.Equal(
            [
                new ImportError(2, "a student needs a group"),
                new ImportError(4, "language 'xx' must be one of ky, ru, en, or empty"),
                new ImportError(6, "child S404 is not a student in this file or in the database"),
            ],
            report.Errors);
        Assert.Equal("", await test.SnapshotAsync());
    }

    [Fact]
    public async Task A_missing_column_is_named()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync("role,code,fullname,group,phone,students\nteacher,T1,Dina,,,\n");

        Assert.Equal(
            [new ImportError(1, "the header has no column 'full_name'"), new ImportError(1, "the header has no column 'language'")],
            report.Errors);
    }

    [Fact]
    public async Task A_doubled_column_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Header + ",Code\nteacher,T1,Dina,,,,,T1\n");

        Assert.Equal([new ImportError(1, "column 'code' appears 2 times in the header")], report.Errors);
    }

    [Fact]
    public async Task A_file_separated_by_semicolons_gets_a_hint()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync(Header.Replace(',', ';') + "\nteacher;T1;Dina;;;;\n");

        Assert.Contains(report.Errors, e => e.Line == 1 && e.Message.Contains("separated by ';'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();

        var report = await test.ImportAsync("");

        Assert.Equal(1, Assert.Single(report.Errors).Line);
    }
}
