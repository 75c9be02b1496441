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
