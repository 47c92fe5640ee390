use legal::Effect;
use leptos::prelude::*;

/// "Còn hiệu lực" as a coloured label, its reason beside it when known. The words carry the
/// meaning; the colour only repeats it.
#[component]
pub fn EffectBadge(effect: Effect, #[prop(optional)] reason: Option<String>) -> impl IntoView {
    let class = format!("effect-badge effect-{}", effect.code());
    view! {
        <span class=class>{effect.label()}</span>
        {reason.filter(|reason| !reason.is_empty()).map(|reason| view! { <span class="effect-reason">" ("{reason}")"</span> })}
    }
}
