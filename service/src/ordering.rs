//! Moving one item up or down a list ordered by a `position` column (categories, link groups, links).

/// The new positions after moving `id` one place up (`step` < 0) or down (> 0) in `ordered`
/// (id and position, in their current order). Positions become 0, 1, 2…; only the ids whose
/// position changes are returned, in their new order.
pub fn moved(ordered: &[(i32, i32)], id: i32, step: i32) -> Vec<(i32, i32)> {
    let mut ids: Vec<i32> = ordered.iter().map(|(id, _)| *id).collect();
    let Some(from) = ids.iter().position(|other| *other == id) else {
        return Vec::new();
    };
    let to = (from as i32 + step.signum()).clamp(0, ids.len() as i32 - 1) as usize;
    let item = ids.remove(from);
    ids.insert(to, item);
    ids.into_iter()
        .enumerate()
        .map(|(position, id)| (id, position as i32))
        .filter(|(id, position)| ordered.iter().any(|(other, old)| other == id && old != position))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn swaps_with_the_neighbour_and_renumbers_gaps_and_ties() {
        assert_eq!(moved(&[(10, 0), (11, 1), (12, 2)], 12, -1), [(12, 1), (11, 2)]);
        assert_eq!(moved(&[(10, 0), (11, 1), (12, 2)], 10, 1), [(11, 0), (10, 1)]);
        assert_eq!(moved(&[(10, 5), (11, 5)], 11, -1), [(11, 0), (10, 1)]);
    }

    #[test]
    fn the_ends_stay_put() {
        assert_eq!(moved(&[(10, 0), (11, 1)], 10, -1), []);
        assert_eq!(moved(&[(10, 0), (11, 1)], 11, 1), []);
        assert_eq!(moved(&[(10, 0)], 99, 1), []);
    }
}
