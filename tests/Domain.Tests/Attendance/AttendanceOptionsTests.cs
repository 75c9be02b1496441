using CollegeBot.Domain.Attendance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Tests.Attendance;

public sealed class AttendanceOptionsTests
{
    [Fact]
    public void Configured_lists_replace_the_defaults_instead_of_adding_to_them()
    {
        var options = Bind(new() { ["Attendance:ReminderDaysBefore:0"] = "5", ["Attendance:MonthlyUnexcusedThresholds:0"] = "10", ["Attendance:MonthlyUnexcusedThresholds:1"] = "30" });
        Assert.Equal([5], options.ReminderDaysBefore);
        Assert.Equal([10, 30], options.MonthlyUnexcusedThresholds);
    }

    [Fact]
    public void Lists_not_configured_take_the_defaults()
    {
        var options = Bind([]);
        Assert.Equal([3, 1], options.ReminderDaysBefore);
        Assert.Equal([6, 14, 20, 50], options.MonthlyUnexcusedThresholds);
        Assert.Equal(14, options.CatchUpDeadlineDays);
    }

    [Fact]
    public void Thresholds_out_of_order_are_refused_with_the_key_named()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Attendance:MonthlyUnexcusedThresholds:0"] = "20", ["Attendance:MonthlyUnexcusedThresholds:1"] = "6" }));
        Assert.Contains("Attendance:MonthlyUnexcusedThresholds", error.Message);
    }

    [Fact]
    public void Excuse_reasons_default_to_the_regulation_with_catch_up_after_illness_and_family_only()
    {
        var options = Bind([]);
        Assert.Equal(new Dictionary<string, bool> { ["illness"] = true, ["family"] = true, ["summons"] = false, ["duty"] = false }, options.ExcuseReasons);
    }

    [Fact]
    public void A_configured_excuse_reason_replaces_its_default_by_key_and_a_new_one_is_added()
    {
        var options = Bind(new() { ["Attendance:ExcuseReasons:illness"] = "false", ["Attendance:ExcuseReasons:blood_donation"] = "false" });
        Assert.Equal(5, options.ExcuseReasons.Count);
        Assert.False(options.ExcuseReasons["illness"]);
        Assert.False(options.ExcuseReasons["blood_donation"]);
        Assert.True(options.ExcuseReasons["family"]);
    }

    [Theory]
    [InlineData("Illness")]
    [InlineData("sick-leave")]
    [InlineData("a_code_that_is_longer_than_thirty_two")]
    public void An_excuse_reason_code_outside_a_z_0_9_is_refused_with_the_key_named(string code)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Attendance:ExcuseReasons:" + code] = "true" }));
        Assert.Contains("Attendance:ExcuseReasons", error.Message);
        Assert.Contains(code, error.Message);
    }

    /// <summary>Through the real registration, as the program binds it.</summary>
    private static AttendanceOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDomain();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<AttendanceOptions>>().Value;
    }
}
