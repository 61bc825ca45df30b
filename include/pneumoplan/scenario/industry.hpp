// Dust industries as the plans and the exposure-response literature group them. The order is part of
// the results format (industry axes in HDF5): append new industries at the end.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pneumo {

enum class Industry : std::uint8_t {
  CoalMining,
  MetalMining,        // non-ferrous and other metal mining not listed below
  TinMining,
  TungstenMining,
  IronCopperMining,
  Coking,
  BuildingMaterials,  // glass, glass fibre, refractories, bricks, quartz sand
  Cement,
  Ceramics,           // pottery and ceramics
  StoneProcessing,    // quarrying, cutting and engineered stone
  FoundryMetallurgy,  // foundries, iron and steel, smelting
  Construction,
  Chemicals,
  Other,
};

inline constexpr std::size_t kIndustryCount = 14;

inline constexpr std::array<std::string_view, kIndustryCount> kIndustryNames = {
    "coal_mining", "metal_mining", "tin_mining", "tungsten_mining", "iron_copper_mining",
    "coking", "building_materials", "cement", "ceramics", "stone_processing",
    "foundry_metallurgy", "construction", "chemicals", "other"};

inline constexpr std::array<std::string_view, kIndustryCount> kIndustryNamesZh = {
    "煤炭开采", "金属矿采选", "锡矿采选", "钨矿采选", "铁铜矿采选", "炼焦", "建材",
    "水泥", "陶瓷", "石材加工", "铸造冶金", "建筑", "化工", "其他"};

inline constexpr std::string_view industry_name(Industry industry) {
  return kIndustryNames[static_cast<std::size_t>(industry)];
}

}  // namespace pneumo
