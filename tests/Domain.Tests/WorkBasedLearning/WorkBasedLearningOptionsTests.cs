using CollegeBot.Domain.WorkBasedLearning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CollegeBot.Domain.Tests.WorkBasedLearning;

public sealed class WorkBasedLearningOptionsTests
{
    [Fact]
    public void Settings_not_given_take_the_defaults_of_the_design()
    {
        var options = Bind([]);
        Assert.Equal((2, 2, 5, 40), (options.DiaryReminderAfterDays, options.ReviewReminderAfterDays,
            options.EscalateToSupervisorAfterDays, options.VolunteeringHoursForPractice));
    }

    [Theory]
    [InlineData("DiaryReminderAfterDays", "0")]
    [InlineData("ReviewReminderAfterDays", "31")]
    [InlineData("VolunteeringHoursForPractice", "-40")]
    public void A_setting_out_of_range_is_refused_with_the_key_named(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["WorkBasedLearning:" + key] = value }));
        Assert.Contains("WorkBasedLearning:" + key, error.Message);
    }

    [Fact]
    public void Escalating_before_reminding_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["WorkBasedLearning:ReviewReminderAfterDays"] = "4",
            ["WorkBasedLearning:EscalateToSupervisorAfterDays"] = "3",
        }));
        Assert.Contains("WorkBasedLearning:EscalateToSupervisorAfterDays", error.Message);
    }

    /// <summary>Through the real registration, as the program binds it.</summary>
    private static WorkBasedLearningOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDomain();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<WorkBasedLearningOptions>>().Value;
    }
}
