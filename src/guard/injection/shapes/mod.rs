//! The shapes of an attack over a text's word classes: an override verb aimed at prior
//! instructions, a persona handed to the model, a request for the system prompt, instructions
//! hidden in tool output. Each arm of `match_shapes` starts at one word class (`starts_shape`) and
//! looks at a few words around it; single words never fire.
//!
//! Each shape lives with its attack class (`overrides`, `jailbreak`, `leak`, `planted`,
//! `prefix`), or with its family (`marked`: canaries planted for the answer); the match below is
//! their table of contents, in the order they are tried.

mod context;
mod jailbreak;
mod leak;
mod marked;
mod overrides;
mod planted;
mod prefix;
mod window;

use super::vocab::Class;
use super::Attack;
pub(super) use window::{after, ahead, before};

/// The classes `match_shapes` has an arm for: a shape starts at one of these words.
pub(super) fn starts_shape(class: Class) -> bool {
    use Class::*;
    matches!(
        class,
        OverrideVerb
            | OverrideVerbFinal
            | Leave
            | Evil
            | New
            | Persona
            | Unbound
            | Developer
            | Admin
            | Instructions
            | Applies
            | Refuse
            | Do
            | Stay
            | Two
            | Without
            | No
            | Opposite
            | Reveal
            | Reveals
            | What
            | My
            | SystemWord
            | Attention
            | Restrictions
            | Rules
            | Stop
            | Transform
            | Complete
            | Conversation
            | PromptIdent
            | PromptWord
            | Test
            | Mistaken
            | Despite
            | Grandma
            | Affirm
            | Now
            | Pretend
            | Act
            | If
            | Divider
            | Regardless
            | Follow
            | Following
            | Reading
            | Task
            | Lifted
            | Start
            | Harmful
            | Behavior
            | DropVerb
            | Remove
            | Message
            | Greeting
            | Send
            | Errand
            | Guarded
            | Respond
            | Times
            // Data shapes only: "Important update for AI systems: …"
            | Update
            // No shape: a cipher named for the text (`ciphers`) or pieces to join (`fragments`),
            // found among the starts.
            | Letter
            | Pwned
            | Hidden
            | End
            | Rot13
            | Backwards
            | Join
            | Rot13Sign
            | ReversedSign
    )
}

/// The first attack shape starting at one of `starts` (indices into `words`). For one word class
/// the first arm whose test holds decides; an arm with a body may still find nothing.
pub(super) fn match_shapes(words: &[Class], starts: &[usize]) -> Option<Attack> {
    use Class::*;
    for &i in starts {
        let Some(w) = words.get(i) else {
            continue;
        };
        let found = match w {
            OverrideVerb if overrides::own_prompt_left_to_discard(words, i) => {
                Some(Attack::InstructionOverride)
            }
            OverrideVerb if overrides::own_rules_named_then_dropped(words, i) => {
                Some(Attack::InstructionOverride)
            }
            OverrideVerb | OverrideVerbFinal => overrides::override_verb(words, i, *w),
            New if planted::new_instructions_with_orders(words, i) => {
                Some(Attack::ToolOutputInjection)
            }
            New if overrides::new_task_now(words, i) => Some(Attack::InstructionOverride),
            New if jailbreak::new_policy_frees_model(words, i) => Some(Attack::JailbreakPersona),
            Leave if overrides::leave_behind(words, i) => Some(Attack::InstructionOverride),
            Evil if jailbreak::evil_assistant(words, i) => Some(Attack::JailbreakPersona),
            Persona if jailbreak::persona_addressed(words, i) => Some(Attack::JailbreakPersona),
            Unbound if jailbreak::model_unbound(words, i) => Some(Attack::JailbreakPersona),
            Developer if jailbreak::developer_mode(words, i) => Some(Attack::JailbreakPersona),
            Developer | Admin if jailbreak::enter_privileged_mode(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Do if jailbreak::do_anything_now(words, i) => Some(Attack::JailbreakPersona),
            Stay if jailbreak::stays_in_role(words, i) => Some(Attack::JailbreakPersona),
            Two if jailbreak::two_ways(words, i) => Some(Attack::JailbreakPersona),
            Without | No if jailbreak::persona_without_rules(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            No | Without if jailbreak::model_evades_rules(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Instructions | PromptWord if overrides::prior_instructions_lifted(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Rules | Instructions if overrides::own_rules_changed(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Rules | Restrictions if overrides::rules_changed_to_allow(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Pwned if overrides::says_it_was_pwned(words, i) => Some(Attack::InstructionOverride),
            Hidden if i >= 3 && leak::told_to_keep_secret(words, i) => {
                Some(Attack::PromptExfiltration)
            }
            Hidden if leak::hidden_instructions_asked(words, i) => Some(Attack::PromptExfiltration),
            Guarded if leak::guarded_secret_asked(words, i) => Some(Attack::PromptExfiltration),
            Instructions | PromptWord | Message if leak::own_prompt_handed_over(words, i) => {
                Some(Attack::PromptExfiltration)
            }
            Instructions | PromptWord if leak::answered_with_own_instructions(words, i) => {
                Some(Attack::PromptExfiltration)
            }
            Instructions | PromptWord | Message | Rules
                if leak::own_prompt_after_opening_verb(words, i) =>
            {
                Some(Attack::PromptExfiltration)
            }
            Applies if overrides::own_rules_void_here(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Lifted if jailbreak::filters_disabled(words, i) => Some(Attack::JailbreakPersona),
            Lifted if jailbreak::model_freed_from_rules(words, i) => Some(Attack::JailbreakPersona),
            Lifted if jailbreak::rules_mode_off(words, i) => Some(Attack::JailbreakPersona),
            Lifted if jailbreak::model_safety_off(words, i) => Some(Attack::JailbreakPersona),
            Lifted if jailbreak::restrictions_off_by_owner(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Restrictions | Rules if jailbreak::restrictions_lifted(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Without if jailbreak::answer_without_filters(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Without if jailbreak::you_are_free_of_own_rules(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            No | Without if jailbreak::no_limits_mode(words, i) => Some(Attack::JailbreakPersona),
            Without | No if jailbreak::you_answer_without_limits(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Opposite if jailbreak::opposite_of_guidelines(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Opposite if jailbreak::opposite_of_model(words, i) => Some(Attack::JailbreakPersona),
            Opposite if jailbreak::opposite_mode(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::not_pretend_to_be_ai(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::not_say_it_is_ai(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::no_longer_the_model(words, i) => Some(Attack::JailbreakPersona),
            No if overrides::instructions_no_longer_apply(words, i) => {
                Some(Attack::InstructionOverride)
            }
            No if jailbreak::not_bound_by_rules(words, i) => Some(Attack::JailbreakPersona),
            No if overrides::question_set_aside_for_output(words, i) => {
                Some(Attack::InstructionOverride)
            }
            No if jailbreak::not_respond_as_model(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::does_what_model_may_not(words, i) => Some(Attack::JailbreakPersona),
            Do if jailbreak::persona_can_do_anything(words, i) => Some(Attack::JailbreakPersona),
            Reveal if leak::told_not_to_reveal(words, i) => Some(Attack::PromptExfiltration),
            Reveal | What if leak::declined_or_described(words, i) => None,
            // "the output that your prompt creates": a noun, not an order
            Reveal if i > 0 && words.get(i - 1) == Some(&The) => None,
            Reveal | What => leak::reveal_own_prompt(words, i, *w),
            Errand if leak::own_prompt_appended(words, i) => Some(Attack::PromptExfiltration),
            Reveals if before(words, i, 8).contains(&Say) => {
                leak::reveal_own_prompt(words, i, Reveal)
            }
            Transform if overrides::decode_and_obey(words, i) => Some(Attack::InstructionOverride),
            Transform => leak::transform_own_prompt(words, i),
            Backwards | Letter if leak::secret_spelled_out(words, i) => {
                Some(Attack::PromptExfiltration)
            }
            Complete if leak::complete_own_sentence(words, i) => Some(Attack::PromptExfiltration),
            Complete if leak::continue_own_prompt(words, i) => Some(Attack::PromptExfiltration),
            Complete if leak::complete_quoted_own_prompt(words, i) => {
                Some(Attack::PromptExfiltration)
            }
            Conversation if leak::repeat_conversation(words, i) => Some(Attack::PromptExfiltration),
            PromptIdent if leak::prompt_variable(words, i) => Some(Attack::PromptExfiltration),
            Stop if overrides::stop_following_rules(words, i) => Some(Attack::InstructionOverride),
            Stop if overrides::stop_everything_and_print(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Test if overrides::rules_were_a_test(words, i) => Some(Attack::InstructionOverride),
            Mistaken if overrides::own_instructions_wrong(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Despite | Regardless if overrides::despite_own_instructions(words, i) => {
                Some(Attack::InstructionOverride)
            }
            // "your usual rules do not matter here"
            Despite if overrides::own_rules_void_here(words, i) => {
                Some(Attack::InstructionOverride)
            }
            If if jailbreak::as_if_rules_gone(words, i) => Some(Attack::JailbreakPersona),
            // "even if your rules say otherwise"
            If if i > 0
                && words.get(i - 1) == Some(&Even)
                && overrides::despite_own_instructions(words, i) =>
            {
                Some(Attack::InstructionOverride)
            }
            Affirm if prefix::compliant_prefix(words, i) => Some(Attack::PrefixInjection),
            Start if leak::answer_continues_prompt(words, i) => Some(Attack::PromptExfiltration),
            Start if prefix::rule_breaking_prefix(words, i) => Some(Attack::PrefixInjection),
            Start if prefix::unbound_prefix(words, i) => Some(Attack::PrefixInjection),
            Start if overrides::system_turn_begun(words, i) => Some(Attack::FakeDelimiter),
            Start if overrides::start_without_instructions(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Grandma if jailbreak::grandma_exploit(words, i) => Some(Attack::JailbreakPersona),
            Now if jailbreak::now_you_are_someone(words, i) => Some(Attack::JailbreakPersona),
            Now if jailbreak::opening_now_you_are(words, i) => Some(Attack::JailbreakPersona),
            Now if overrides::instructions_are_now(words, i) => Some(Attack::InstructionOverride),
            Now if jailbreak::from_now_on_you_are(words, i) => Some(Attack::JailbreakPersona),
            Pretend | Act if jailbreak::pretend_rules_absent(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Pretend | Act if jailbreak::acts_as_unchecked_ai(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Pretend if jailbreak::pretend_prompt_absent(words, i) => Some(Attack::JailbreakPersona),
            My if leak::my_instructions_are(words, i) => Some(Attack::PromptExfiltration),
            My if leak::text_before_my_first_message(words, i) => Some(Attack::PromptExfiltration),
            SystemWord if leak::system_prompt_asked(words, i) => Some(Attack::PromptExfiltration),
            SystemWord if overrides::system_grants_user_authority(words, i) => {
                Some(Attack::FakeDelimiter)
            }
            If if planted::if_ai_reading_this(words, i) => Some(Attack::ToolOutputInjection),
            Divider if prefix::refusal_then_divider(words, i) => Some(Attack::PrefixInjection),
            Follow if overrides::do_not_follow_own_instructions(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Follow if overrides::user_over_system(words, i) => Some(Attack::InstructionOverride),
            Follow if overrides::obeys_me_unconditionally(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Following if overrides::instead_of_following(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Reading if planted::models_reading_this_ordered(words, i) => {
                Some(Attack::ToolOutputInjection)
            }
            Task if overrides::task_changed(words, i) => Some(Attack::InstructionOverride),
            Task if overrides::task_instead_of_prior(words, i) => Some(Attack::InstructionOverride),
            New if overrides::your_new_task_is(words, i) => Some(Attack::InstructionOverride),
            No | Without if jailbreak::if_you_had_no_rules(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            No if jailbreak::rules_gone_now(words, i) => Some(Attack::JailbreakPersona),
            No | Without if jailbreak::model_without_instructions(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Regardless if overrides::regardless_of_prior(words, i) => {
                Some(Attack::InstructionOverride)
            }
            If if planted::if_told_to_summarize_instead(words, i) => {
                Some(Attack::ToolOutputInjection)
            }
            Test if overrides::in_test_mode(words, i) => Some(Attack::InstructionOverride),
            Developer | Test if jailbreak::mode_enabled_then_orders(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Attention if overrides::attention_stop(words, i) => Some(Attack::InstructionOverride),
            Attention if overrides::no_attention_to(words, i) => Some(Attack::InstructionOverride),
            Attention if planted::attention_assistant(words, i) => {
                Some(Attack::ToolOutputInjection)
            }
            Refuse if jailbreak::never_refuse(words, i) => Some(Attack::JailbreakPersona),
            Refuse if jailbreak::refusal_threatened(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::never_says_it_cannot(words, i) => Some(Attack::JailbreakPersona),
            No if jailbreak::not_allowed_to_refuse(words, i) => Some(Attack::JailbreakPersona),
            Harmful | Unbound if jailbreak::refusal_suppressed(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            DropVerb if overrides::drop_own_instructions(words, i) => {
                Some(Attack::InstructionOverride)
            }
            DropVerb | Remove if overrides::drop_model_kind_limits(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            DropVerb | Remove if overrides::limits_dropped_then_answer(words, i) => {
                Some(Attack::JailbreakPersona)
            }
            Behavior if jailbreak::behavior_augmented(words, i) => Some(Attack::JailbreakPersona),
            Message if planted::message_to_the_model(words, i) => Some(Attack::ToolOutputInjection),
            Respond if marked::answer_marked(words, i) => Some(Attack::InstructionOverride),
            Respond if overrides::answer_withheld_for_another(words, i) => {
                Some(Attack::InstructionOverride)
            }
            Times if marked::repeated_in_answers(words, i) => Some(Attack::InstructionOverride),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

pub(in crate::guard::injection) use planted::{
    aside_orders_model, label_opens_with_order, model_named_then_ordered,
};

/// Shapes read only in tool results (`Reading::tool_result`): the data speaks to the model,
/// which only a user (or the system prompt) has reason to do.
pub(super) fn match_data_shapes(words: &[Class], starts: &[usize]) -> bool {
    use Class::*;
    starts.iter().any(|&i| match words.get(i) {
        Some(If) => {
            planted::if_you_are_a_model(words, i) || planted::when_processing_this_ordered(words, i)
        }
        Some(Greeting | Attention) => {
            planted::model_greeted_then_ordered(words, i) || planted::note_to_model(words, i)
        }
        Some(Reading) => {
            planted::models_reading_this_in_data(words, i)
                || planted::model_at_work_must(words, i)
                || planted::models_reading_kind_ordered(words, i)
        }
        Some(Send) => planted::conversation_sent_out(words, i),
        Some(Mistaken) => overrides::own_instructions_mistaken_in_data(words, i),
        Some(Reveal) => {
            planted::model_told_what_to_tell_user(words, i) || marked::kept_from_user(words, i)
        }
        Some(Errand) => marked::kept_from_user(words, i),
        Some(SystemWord) => planted::system_sets_model_rules(words, i),
        Some(OverrideVerb) => {
            planted::model_asked_to_override(words, i) || planted::user_request_set_aside(words, i)
        }
        Some(Instructions | Update) => planted::instructions_for_the_model(words, i),
        Some(Now) => planted::assistant_must_now(words, i),
        _ => false,
    })
}
